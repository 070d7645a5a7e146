using Microsoft.EntityFrameworkCore;

namespace SmartCity.Web.Data;

/// <summary>Who changed a record last and when: the conflict dialogs name them.</summary>
public static class AuditLookups
{
    public static async Task<(string? UserName, DateTimeOffset? At)> LastChangeAsync(this SmartCityDbContext db, string entity, string? key, CancellationToken ct)
    {
        var last = await db.AuditEntries.AsNoTracking().Where(a => a.Entity == entity && (key == null || a.EntityKey == key))
            .OrderByDescending(a => a.Id).Select(a => new { a.UserName, a.OccurredAt }).FirstOrDefaultAsync(ct);
        return (last?.UserName, last?.OccurredAt);
    }
}
