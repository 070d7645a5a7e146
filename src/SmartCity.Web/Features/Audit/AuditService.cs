using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartCity.Domain.Common;
using SmartCity.Web.Common;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;

namespace SmartCity.Web.Features.Audit;

public sealed record AuditQuery(string? Entity = null, string? User = null, DateOnly? From = null, DateOnly? To = null, string? RegencyCode = null, int Page = 1, int PageSize = 50);

public sealed record AuditChange(string Field, string? Old, string? New);

public sealed record AuditRow(long Id, DateTimeOffset OccurredAt, string? UserName, string Entity, string EntityKey, AuditAction Action, string? RegencyName, string? CorrelationId, IReadOnlyList<AuditChange> Changes, string? Batch);

/// <summary>The history of changes: admins see every entry, regency users those of their own regency, nobody else any.</summary>
public sealed class AuditService(IDbContextFactory<SmartCityDbContext> dbFactory, RegencyAccess access)
{
    public const int MaxPageSize = 200;
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public async Task<PagedResult<AuditRow>> ListAsync(AuditQuery query, CancellationToken ct = default)
    {
        var ownRegency = Scope();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = db.AuditEntries.AsNoTracking();
        if (ownRegency is { } own)
        {
            entries = entries.Where(a => a.RegencyId == own);
        }
        else if (!string.IsNullOrWhiteSpace(query.RegencyCode))
        {
            entries = entries.Where(a => db.Regencies.Any(r => r.Id == a.RegencyId && r.Code == query.RegencyCode));
        }

        if (!string.IsNullOrWhiteSpace(query.Entity))
        {
            entries = entries.Where(a => a.Entity == query.Entity);
        }

        if (!string.IsNullOrWhiteSpace(query.User))
        {
            var pattern = $"%{Like.Escape(query.User.Trim())}%";
            entries = entries.Where(a => a.UserName != null && EF.Functions.ILike(a.UserName, pattern));
        }

        // Days are judged in WIB, the zone of national deadlines.
        if (query.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), IndonesianTimeZone.Wib.UtcOffset()).ToUniversalTime();
            entries = entries.Where(a => a.OccurredAt >= start);
        }

        if (query.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), IndonesianTimeZone.Wib.UtcOffset()).ToUniversalTime();
            entries = entries.Where(a => a.OccurredAt < end);
        }

        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, query.Page);
        var total = await entries.CountAsync(ct);
        var rows = await entries.OrderByDescending(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(a => new
            {
                a.Id,
                a.OccurredAt,
                a.UserName,
                a.Entity,
                a.EntityKey,
                a.Action,
                a.CorrelationId,
                a.Changes,
                Regency = db.Regencies.Where(r => r.Id == a.RegencyId).Select(r => r.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var items = rows.Select(a => a.Action == AuditAction.Batch
                ? new AuditRow(a.Id, a.OccurredAt, a.UserName, a.Entity, a.EntityKey, a.Action, a.Regency, a.CorrelationId, [], a.Changes)
                : new AuditRow(a.Id, a.OccurredAt, a.UserName, a.Entity, a.EntityKey, a.Action, a.Regency, a.CorrelationId, Parse(a.Changes), null))
            .ToList();
        return new PagedResult<AuditRow>(items, total, page, pageSize);
    }

    /// <summary>The entity names that occur in the entries the user may see, for the filter.</summary>
    public async Task<IReadOnlyList<string>> EntitiesAsync(CancellationToken ct = default)
    {
        var ownRegency = Scope();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entries = db.AuditEntries.AsNoTracking();
        if (ownRegency is { } own)
        {
            entries = entries.Where(a => a.RegencyId == own);
        }

        return await entries.Select(a => a.Entity).Distinct().OrderBy(e => e).ToListAsync(ct);
    }

    /// <summary>Null for admins (all entries); the own regency for regency users; refused otherwise.</summary>
    private int? Scope()
    {
        if (access.IsAdmin)
        {
            return null;
        }

        return access.OwnRegencyId ?? throw RefuseAndLog();
    }

    private AccessDeniedException RefuseAndLog()
    {
        access.EnsureAdmin("the change history");
        return new AccessDeniedException("Not permitted to read the change history.");
    }

    private static List<AuditChange> Parse(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<List<AuditChange>>(json, JsonOptions) ?? [];
        }
        catch (JsonException)
        {
            return [new AuditChange("?", null, json)];
        }
    }
}
