using Microsoft.EntityFrameworkCore;
using SmartCity.Web.Common;

namespace SmartCity.Web.Data;

/// <summary>The one way an edit made against a loaded row version is saved.</summary>
public static class ConcurrentSave
{
    /// <summary>
    /// Saves; when someone saved the row since it was loaded (xmin changed), nothing is written and the conflict is built
    /// from a fresh read in a new context (the failed one holds stale entries).
    /// </summary>
    public static async Task<SaveResult?> SaveOrConflictAsync(
        this SmartCityDbContext db, IDbContextFactory<SmartCityDbContext> factory, Func<SmartCityDbContext, Task<ConcurrencyConflict>> conflict, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await factory.CreateDbContextAsync(ct);
            return SaveResult.Conflicted(await conflict(fresh));
        }
    }
}
