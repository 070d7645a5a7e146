using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SmartCity.Domain.Common;
using SmartCity.Domain.QuickWins;
using SmartCity.Web.Common;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;

namespace SmartCity.Web.Features.QuickWins.Overdue;

/// <summary>Which overdue reports to list: one regency (null: the user's own, or the national list for admins), a search, a page.</summary>
public sealed record OverdueQuery(int? RegencyId, string? Search, int Page = 1, int PageSize = 25);

/// <summary>
/// An active quick win whose last period past its grace has no submitted or verified report.
/// <paramref name="DaysOverdue"/> counts the days since the deadline (the period's last day + the grace days);
/// <paramref name="ReportState"/> is the state of a draft or returned report for that period, if one exists.
/// </summary>
public sealed record OverdueRow(
    int QuickWinId, string RegencyCode, string RegencyName, string Name, string? Acronym, string DimensionCode, string? OwnerUnit,
    string Period, DateOnly PeriodEnd, int DaysOverdue, ReportState? ReportState);

/// <summary>The period checked for one kind of period in the listed time zones.</summary>
public sealed record CheckedPeriod(ReportingPeriodKind Kind, string Period, DateOnly PeriodEnd, DateOnly Deadline, IReadOnlyList<IndonesianTimeZone> Zones);

/// <summary>
/// What the overdue page shows: one regency (<see cref="RegencyId"/>), the national list (<see cref="IsNational"/>), or nothing yet
/// because an assessor has to pick a regency first (<see cref="NeedsRegency"/>); with the grace days and the periods checked.
/// </summary>
public sealed record OverdueScope(
    int? RegencyId, string? RegencyCode, string? RegencyName, bool IsNational, bool NeedsRegency, int GraceDays, IReadOnlyList<CheckedPeriod> Periods);

/// <summary>A report returned to the regency with the verifier's reason.</summary>
public sealed record ReturnedReportRow(int ReportId, int QuickWinId, string QuickWinName, string? Acronym, string Period, string? ReturnReason);

/// <summary>Beranda of a regency user: the overdue count with the first five, and the returned reports.</summary>
public sealed record OverdueHome(
    int OverdueTotal, IReadOnlyList<OverdueRow> Overdue, CheckedPeriod Checked, int GraceDays, int ReturnedTotal, IReadOnlyList<ReturnedReportRow> Returned);

/// <summary>
/// Overdue progress reports (DOMAIN.md, "Rules decided for the portal"): per regency, the last period whose grace has passed in the
/// regency's own time zone, for the regency's kind of period. The periods are computed here for every kind × zone combination
/// and matched to the regencies in one SQL query; a list costs two SQL commands (settings, page with its total) whatever the data size.
/// </summary>
public sealed class OverdueService(IDbContextFactory<SmartCityDbContext> dbFactory, RegencyAccess access, ProgrammeClock clock)
{
    public const int MaxPageSize = 200;

    private const int HomeRows = 5;

    /// <summary>
    /// Overdue quick wins ordered by days overdue (most first), then regency code, then name. Regency users see their own regency;
    /// assessors one regency they name; the national list (<see cref="OverdueQuery.RegencyId"/> null) is for admins. The search
    /// matches the regency's code or name and the quick win's name or acronym.
    /// </summary>
    public async Task<PagedResult<OverdueRow>> ListAsync(OverdueQuery query, CancellationToken ct = default)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, query.Page);
        var regencyId = Authorize(query.RegencyId);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var grace = ParseGrace(await GraceSetting(db).FirstOrDefaultAsync(ct));
        var overdue = Overdue(db, grace, regencyId, query.Search);
        var rows = await Ordered(overdue).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var total = rows.Count > 0 ? (int)rows[0].Total : page == 1 ? 0 : await overdue.CountAsync(ct);
        return new PagedResult<OverdueRow>(rows.Select(ToRow).ToList(), total, page, pageSize);
    }

    /// <summary>
    /// The scope of the overdue page for a regency code (null: the user's own regency, the national list for admins, or a prompt to
    /// choose a regency for assessors), with the grace days and the periods checked. Null for an unknown code. One SQL command.
    /// </summary>
    public async Task<OverdueScope?> ScopeAsync(string? regencyCode, CancellationToken ct = default)
    {
        access.EnsureSignedIn("the overdue reports");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        if (regencyCode is null && access.OwnRegencyId is null)
        {
            if (!access.IsAdmin)
            {
                if (access.IsAssessor)
                {
                    var settingOnly = ParseGrace(await GraceSetting(db).FirstOrDefaultAsync(ct));
                    return new OverdueScope(null, null, null, false, true, settingOnly, []);
                }

                access.EnsureAdmin("the national overdue reports");
            }

            var combos = await db.Regencies.AsNoTracking().Where(r => r.IsActive)
                .Select(r => new { r.ReportingPeriod, r.TimeZone }).Distinct()
                .Select(c => new { c.ReportingPeriod, c.TimeZone, Grace = db.Settings.Where(s => s.Key == SettingKeys.OverdueGraceDays).Select(s => s.Value).FirstOrDefault() })
                .ToListAsync(ct);
            var grace = ParseGrace(combos.Select(c => c.Grace).FirstOrDefault());
            return new OverdueScope(null, null, null, true, false, grace, Periods(combos.Select(c => (c.ReportingPeriod, c.TimeZone)), now, grace));
        }

        var own = access.OwnRegencyId;
        var regency = await db.Regencies.AsNoTracking()
            .Where(r => regencyCode == null ? r.Id == own : r.Code == regencyCode)
            .Select(r => new { r.Id, r.Code, r.Name, r.ReportingPeriod, r.TimeZone, Grace = db.Settings.Where(s => s.Key == SettingKeys.OverdueGraceDays).Select(s => s.Value).FirstOrDefault() })
            .SingleOrDefaultAsync(ct);
        if (regency is null)
        {
            return null;
        }

        access.EnsureCanRead(regency.Id, "the overdue reports");
        var days = ParseGrace(regency.Grace);
        return new OverdueScope(regency.Id, regency.Code, regency.Name, false, false, days, Periods([(regency.ReportingPeriod, regency.TimeZone)], now, days));
    }

    /// <summary>Beranda of a regency user (null for other users): three SQL commands whatever the data size.</summary>
    public async Task<OverdueHome?> HomeAsync(CancellationToken ct = default)
    {
        if (access.OwnRegencyId is not { } id)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var regency = await db.Regencies.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new { r.ReportingPeriod, r.TimeZone, Grace = db.Settings.Where(s => s.Key == SettingKeys.OverdueGraceDays).Select(s => s.Value).FirstOrDefault() })
            .SingleAsync(ct);
        var grace = ParseGrace(regency.Grace);
        var overdue = await Ordered(Overdue(db, grace, id, null)).Take(HomeRows).ToListAsync(ct);
        var returned = await db.ProgressReports.AsNoTracking()
            .Where(r => r.RegencyId == id && r.State == ReportState.Returned)
            .Join(db.QuickWins.Where(q => !q.IsArchived), r => r.QuickWinId, q => q.Id, (r, q) => new { r, q })
            .OrderByDescending(x => x.r.PeriodEnd).ThenBy(x => x.q.Name)
            .Select(x => new
            {
                Row = new ReturnedReportRow(x.r.Id, x.q.Id, x.q.Name, x.q.Acronym, x.r.Period, x.r.ReturnReason),
                Total = db.ProgressReports.Count(r => r.RegencyId == id && r.State == ReportState.Returned && db.QuickWins.Any(q => q.Id == r.QuickWinId && !q.IsArchived)),
            })
            .Take(HomeRows)
            .ToListAsync(ct);
        var check = Periods([(regency.ReportingPeriod, regency.TimeZone)], clock.GetUtcNow(), grace).Single();
        return new OverdueHome(
            overdue.Count == 0 ? 0 : (int)overdue[0].Total, overdue.Select(ToRow).ToList(), check, grace,
            returned.Count == 0 ? 0 : returned[0].Total, returned.Select(r => r.Row).ToList());
    }

    /// <summary>
    /// The overdue quick wins of every regency as one composable SQL query, for callers that have checked access themselves
    /// (the national dashboard groups it by regency under its filters). <paramref name="grace"/> comes from <see cref="GraceDays"/>.
    /// </summary>
    internal IQueryable<OverdueSql> AllOverdue(SmartCityDbContext db, int grace) => Overdue(db, grace, null, null);

    /// <summary>The grace days of a stored setting value (the default when missing or malformed).</summary>
    internal static int GraceDays(string? value) => ParseGrace(value);

    /// <summary>The regency to list (null: national), after the access checks.</summary>
    private int? Authorize(int? regencyId)
    {
        access.EnsureSignedIn("the overdue reports");
        if (regencyId is { } id)
        {
            access.EnsureCanRead(id, "the overdue reports");
            return id;
        }

        if (access.OwnRegencyId is { } own)
        {
            return own;
        }

        access.EnsureAdmin("the national overdue reports");
        return null;
    }

    /// <summary>The grace-days setting; inside a projection it is written out so EF translates it to a subquery, not a separate command.</summary>
    private static IQueryable<string> GraceSetting(SmartCityDbContext db) =>
        db.Settings.Where(s => s.Key == SettingKeys.OverdueGraceDays).Select(s => s.Value);

    private static int ParseGrace(string? value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var days) && days >= 0 ? days : OverdueRule.DefaultGraceDays;

    private static List<CheckedPeriod> Periods(IEnumerable<(ReportingPeriodKind Kind, IndonesianTimeZone Zone)> combos, DateTimeOffset now, int grace) =>
        combos.Distinct()
            .Select(c => (c.Kind, c.Zone, Check: OverdueRule.Check(now, c.Zone, c.Kind, grace)))
            .GroupBy(c => (c.Kind, c.Check.Period, c.Check.Deadline))
            .OrderBy(g => g.Key.Kind).ThenByDescending(g => g.Key.Period.LastDay)
            .Select(g => new CheckedPeriod(g.Key.Kind, g.Key.Period.ToString(), g.Key.Period.LastDay, g.Key.Deadline, g.Select(c => c.Zone).Order().ToList()))
            .ToList();

    /// <summary>
    /// The overdue quick wins as one composable SQL query: the checked period of every kind × zone combination is passed as
    /// parallel arrays and joined to the regencies on their kind of period and time zone; a window count carries the total.
    /// </summary>
    private IQueryable<OverdueSql> Overdue(SmartCityDbContext db, int grace, int? regencyId, string? search)
    {
        var now = clock.GetUtcNow();
        var checks = Enum.GetValues<ReportingPeriodKind>()
            .SelectMany(kind => Enum.GetValues<IndonesianTimeZone>().Select(zone => (Kind: kind, Zone: zone, Check: OverdueRule.Check(now, zone, kind, grace))))
            .ToList();
        var sql = new StringBuilder("""
            SELECT q."Id" AS "QuickWinId", r."Code" AS "RegencyCode", r."Name" AS "RegencyName", q."Name", q."Acronym",
                   d."Code" AS "DimensionCode", coalesce(u."Acronym", u."Name") AS "OwnerUnit",
                   c.period AS "Period", c.period_end AS "PeriodEnd", c.days AS "DaysOverdue", rep."State" AS "ReportState",
                   count(*) OVER () AS "Total"
            FROM unnest({0}, {1}, {2}, {3}, {4}) AS c(kind, zone, period, period_end, days)
            JOIN "Regencies" r ON r."ReportingPeriod" = c.kind AND r."TimeZone" = c.zone AND r."IsActive"
            JOIN "QuickWins" q ON q."RegencyId" = r."Id"
            JOIN "Dimensions" d ON d."Id" = q."DimensionId"
            LEFT JOIN "GovernmentUnits" u ON u."Id" = q."OwnerUnitId"
            LEFT JOIN "ProgressReports" rep ON rep."QuickWinId" = q."Id" AND rep."Period" = c.period
            WHERE NOT q."IsArchived" AND q."Status" IN ('Planned', 'Running') AND q."StartDate" <= c.period_end
              AND (rep."Id" IS NULL OR rep."State" NOT IN ('Submitted', 'Verified'))
            """);
        var args = new List<object>
        {
            checks.Select(c => c.Kind.ToString()).ToArray(),
            checks.Select(c => c.Zone.ToString()).ToArray(),
            checks.Select(c => c.Check.Period.ToString()).ToArray(),
            checks.Select(c => c.Check.Period.LastDay).ToArray(),
            checks.Select(c => c.Check.DaysOverdue).ToArray(),
        };
        if (regencyId is { } id)
        {
            sql.Append(CultureInfo.InvariantCulture, $"\n  AND r.\"Id\" = {{{args.Count}}}");
            args.Add(id);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var p = args.Count;
            sql.Append(CultureInfo.InvariantCulture, $"\n  AND (r.\"Code\" ILIKE {{{p}}} OR r.\"Name\" ILIKE {{{p}}} OR q.\"Name\" ILIKE {{{p}}} OR q.\"Acronym\" ILIKE {{{p}}})");
            args.Add($"%{EscapeLike(search.Trim())}%");
        }

        return db.Database.SqlQuery<OverdueSql>(FormattableStringFactory.Create(sql.ToString(), [.. args]));
    }

    private static IQueryable<OverdueSql> Ordered(IQueryable<OverdueSql> rows) =>
        rows.OrderByDescending(r => r.DaysOverdue).ThenBy(r => r.RegencyCode).ThenBy(r => r.Name).ThenBy(r => r.QuickWinId);

    private static OverdueRow ToRow(OverdueSql r) => new(
        r.QuickWinId, r.RegencyCode, r.RegencyName, r.Name, r.Acronym, r.DimensionCode, r.OwnerUnit, r.Period, r.PeriodEnd, r.DaysOverdue,
        Enum.TryParse<ReportState>(r.ReportState, out var state) ? state : null);

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>The raw row of the overdue query (enum columns are text in the database).</summary>
    internal sealed record OverdueSql(
        int QuickWinId, string RegencyCode, string RegencyName, string Name, string? Acronym, string DimensionCode, string? OwnerUnit,
        string Period, DateOnly PeriodEnd, int DaysOverdue, string? ReportState, long Total);
}
