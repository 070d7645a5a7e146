using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using SmartCity.Domain.Common;
using SmartCity.Domain.Dimensions;
using SmartCity.Domain.Regencies;
using SmartCity.Web.Common;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.QuickWins.Overdue;
using SmartCity.Web.Features.Regencies;

namespace SmartCity.Web.Features.Dashboard;

public sealed record ProgrammeCounts(int Regencies, int RegenciesInProgramme, int Provinces, int QuickWins, int Rounds);

/// <summary>
/// Programme figures for Beranda and the national dashboard (national roles only). Every figure is aggregated in SQL:
/// the dashboard costs two SQL commands (all figures in one statement; overdue quick wins grouped by regency) whatever the data size.
/// Progress = the percent of a quick win's latest verified report (0 before any), over its active quick wins (not archived, not stopped);
/// dimension scores are those of the latest finalised round, computed from the final cell scores by the rules of <c>Scoring</c>.
/// </summary>
/// <remarks>
/// On national data the figures take a few hundred milliseconds of database work, so they are computed once per filter and shared for
/// <c>Dashboard:CacheSeconds</c> (appsettings: 60; 0 = computed on every request, as in tests); concurrent requests wait for the one
/// computation. The page states when its figures were computed. Access is checked on every call, before the cache.
/// </remarks>
public sealed class DashboardService(
    IDbContextFactory<SmartCityDbContext> dbFactory, RegencyAccess access, OverdueService overdue, ProgrammeClock clock, IMemoryCache cache, IConfiguration configuration)
{
    public const int MaxPageSize = 200;

    /// <summary>How many regencies with overdue reports the dashboard lists (the drill-down lists them all).</summary>
    public const int OverdueRows = 10;

    /// <summary>
    /// The filtered regencies (f), their active quick wins with progress (qw), the latest finalised round (lr), final cell scores
    /// of its per-dimension criteria (cells) and each participant's dimension scores (ds). Parameters: {0} province code or '',
    /// {1} cohort year or 0, {2} kind or ''.
    /// </summary>
    private const string Common = "WITH " + FilteredRegencies + ",\n" + ActiveQuickWins + ",\n" + LatestRound + ",\n" + DimensionScores;

    private const string FilteredRegencies = """
        f AS (
            SELECT r."Id", r."CohortYear", r."CurrentStage"
            FROM "Regencies" r JOIN "Provinces" pv ON pv."Id" = r."ProvinceId"
            WHERE r."IsActive" AND ({0} = '' OR pv."Code" = {0}) AND ({1} = 0 OR r."CohortYear" = {1}) AND ({2} = '' OR r."Kind" = {2})
        )
        """;

    private const string ActiveQuickWins = """
        qw AS (
            SELECT q."Id", q."RegencyId", q."DimensionId",
                   coalesce((SELECT p."Percent" FROM "ProgressReports" p
                             WHERE p."QuickWinId" = q."Id" AND p."State" = 'Verified'
                             ORDER BY p."PeriodEnd" DESC, p."PeriodStart" DESC LIMIT 1), 0) AS progress
            FROM "QuickWins" q JOIN f ON f."Id" = q."RegencyId"
            WHERE NOT q."IsArchived" AND q."Status" <> 'Stopped'
        )
        """;

    private const string LatestRound = """
        lr AS (
            SELECT a."Id", a."Name", a."Year", a."IsDemo", a."InstrumentId", i."ScaleMax", i."DivergenceThreshold"
            FROM "AssessmentRounds" a JOIN "Instruments" i ON i."Id" = a."InstrumentId"
            WHERE a."State" = 'Finalised'
            ORDER BY a."Year" DESC, a."FinalisedAt" DESC NULLS LAST, a."Id" DESC
            LIMIT 1
        )
        """;

    /// <summary>
    /// Final cell scores of the per-dimension criteria of round <c>lr</c> for the regencies <c>f</c> (the reconciled score of a divergent
    /// cell, otherwise the assessors' mean), and each regency's dimension scores (weight-normalised mean, rounded to two decimals).
    /// </summary>
    internal const string DimensionScores = """
        cells AS (
            SELECT s."RegencyId", s."DimensionId", c."Weight",
                   CASE WHEN count(*) > 1 AND max(s."Score") - min(s."Score") > lr."DivergenceThreshold" AND max(rc."Score") IS NOT NULL
                        THEN max(rc."Score") ELSE avg(s."Score") END AS score
            FROM lr
            JOIN "AssessorScores" s ON s."RoundId" = lr."Id"
            JOIN f ON f."Id" = s."RegencyId"
            JOIN "Criteria" c ON c."Id" = s."CriterionId" AND c."PerDimension"
            LEFT JOIN "ReconciledScores" rc ON rc."RoundId" = s."RoundId" AND rc."RegencyId" = s."RegencyId"
                 AND rc."CriterionId" = s."CriterionId" AND rc."DimensionId" = s."DimensionId"
            WHERE s."DimensionId" IS NOT NULL
            GROUP BY s."RegencyId", s."CriterionId", s."DimensionId", c."Weight", lr."DivergenceThreshold"
        ),
        ds AS (
            SELECT "RegencyId", "DimensionId", round(sum("Weight" * score) / sum("Weight"), 2) AS score
            FROM cells GROUP BY "RegencyId", "DimensionId"
        )
        """;

    public async Task<ProgrammeCounts> CountsAsync(CancellationToken ct = default)
    {
        access.EnsureNational("the programme counts");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Database.SqlQuery<ProgrammeCounts>($"""
            SELECT (SELECT count(*)::int FROM "Regencies" WHERE "IsActive") AS "Regencies",
                   (SELECT count(*)::int FROM "Regencies" WHERE "IsActive" AND "CohortYear" IS NOT NULL) AS "RegenciesInProgramme",
                   (SELECT count(*)::int FROM "Provinces" WHERE "IsActive") AS "Provinces",
                   (SELECT count(*)::int FROM "QuickWins" WHERE NOT "IsArchived") AS "QuickWins",
                   (SELECT count(*)::int FROM "AssessmentRounds") AS "Rounds"
            """).SingleAsync(ct);
    }

    /// <summary>How long computed national figures are shared (zero: not at all).</summary>
    public TimeSpan CacheFor => TimeSpan.FromSeconds(Math.Max(0, configuration.GetValue("Dashboard:CacheSeconds", 0)));

    /// <summary>
    /// The national dashboard under <paramref name="filter"/> (national roles only): two SQL commands whatever the data size, or none
    /// while figures computed less than <see cref="CacheFor"/> ago are shared.
    /// </summary>
    public async Task<NationalDashboard> NationalAsync(DashboardFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        access.EnsureNational("the national dashboard");
        var cacheFor = CacheFor;
        if (cacheFor == TimeSpan.Zero)
        {
            return await ComputeNationalAsync(filter, ct);
        }

        var key = (nameof(NationalAsync), filter);
        var shared = cache.GetOrCreate(key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = cacheFor;
            return new Lazy<Task<NationalDashboard>>(() => ComputeNationalAsync(filter, CancellationToken.None));
        })!;
        try
        {
            return await shared.Value.WaitAsync(ct);
        }
        catch (Exception) when (shared.Value.IsFaulted)
        {
            cache.Remove(key);
            throw;
        }
    }

    private async Task<NationalDashboard> ComputeNationalAsync(DashboardFilter filter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var sql = Common + """

            SELECT 'programme' AS "Figure", f."CohortYear"::text AS "Key", coalesce(f."CurrentStage", '') AS "Key2", count(*)::int AS "Count", NULL::numeric AS "Value"
            FROM f WHERE f."CohortYear" IS NOT NULL GROUP BY f."CohortYear", f."CurrentStage"
            UNION ALL
            SELECT 'regencies', '', '', count(*)::int, NULL FROM f
            UNION ALL
            SELECT 'progress', d."Code", '', count(qw."Id")::int, round(avg(qw.progress), 2)
            FROM "Dimensions" d LEFT JOIN qw ON qw."DimensionId" = d."Id" GROUP BY d."Code"
            UNION ALL
            SELECT 'bucket', b.bucket::text, '', count(*)::int, NULL
            FROM qw CROSS JOIN LATERAL (SELECT least(floor(qw.progress / 20), 4)::int AS bucket) b GROUP BY b.bucket
            UNION ALL
            SELECT 'round', lr."Name", lr."IsDemo"::text, lr."Id", lr."Year" FROM lr
            UNION ALL
            SELECT 'scale', '', '', 0, lr."ScaleMax" FROM lr
            UNION ALL
            SELECT 'band', b."Name", '', count(fp."Id")::int, b."SortOrder"
            FROM lr JOIN "Bands" b ON b."InstrumentId" = lr."InstrumentId"
            LEFT JOIN (SELECT p."Id", p."RoundId", p."Band" FROM "RoundParticipants" p JOIN f ON f."Id" = p."RegencyId") fp
                 ON fp."RoundId" = lr."Id" AND fp."Band" = b."Name"
            GROUP BY b."Name", b."SortOrder"
            UNION ALL
            SELECT 'score', d."Code", '', count(ds."RegencyId")::int, round(avg(ds.score), 2)
            FROM "Dimensions" d LEFT JOIN ds ON ds."DimensionId" = d."Id" GROUP BY d."Code"
            UNION ALL
            SELECT 'province', pv."Code", pv."Name", pv."Id", NULL FROM "Provinces" pv
            UNION ALL
            SELECT DISTINCT 'cohort'::text, r."CohortYear"::text, ''::text, r."CohortYear", NULL::numeric FROM "Regencies" r WHERE r."CohortYear" IS NOT NULL
            UNION ALL
            SELECT 'grace', coalesce((SELECT s."Value" FROM "Settings" s WHERE s."Key" = {3}), ''), '', 0, NULL::numeric
            """;
        var rows = await db.Database.SqlQuery<FigureSql>(FormattableStringFactory.Create(sql, [.. FilterArgs(filter), SettingKeys.OverdueGraceDays]))
            .ToListAsync(ct);

        var grace = OverdueService.GraceDays(rows.Where(r => r.Figure == "grace").Select(r => r.Key).FirstOrDefault());
        var overdueRegencies = await OverdueByRegency(db, filter, grace).ToListAsync(ct);
        overdueRegencies = [.. overdueRegencies.OrderByDescending(o => o.QuickWins).ThenByDescending(o => o.MaxDaysOverdue).ThenBy(o => o.Code, StringComparer.Ordinal)];

        List<FigureSql> Of(string figure) => [.. rows.Where(r => r.Figure == figure)];
        var programme = Of("programme")
            .Select(r => new CohortStageCount(int.Parse(r.Key, CultureInfo.InvariantCulture), Enum.TryParse<ProgrammeStage>(r.Key2, out var s) ? s : null, r.Count))
            .OrderBy(c => c.CohortYear).ThenBy(c => c.Stage ?? 0).ToList();
        var progress = Dimensions(Of("progress"));
        var buckets = Enumerable.Range(0, 5)
            .Select(b => new BucketFigure(b, Of("bucket").Where(r => r.Key == b.ToString(CultureInfo.InvariantCulture)).Sum(r => r.Count))).ToList();
        var round = Of("round").Select(r => new LatestRound(r.Count, r.Key, (int)(r.Value ?? 0), r.Key2 == "true", Of("scale").Single().Value ?? 0)).SingleOrDefault();
        var bands = Of("band").Select(r => new BandFigure(r.Key, (int)(r.Value ?? 0), r.Count)).OrderBy(b => b.SortOrder).ToList();
        var scores = round is null ? [] : Dimensions(Of("score"));
        var provinces = Of("province").Select(r => new ProvinceOption(r.Count, r.Key, r.Key2)).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        var cohorts = Of("cohort").Select(r => r.Count).Order().ToList();
        return new NationalDashboard(
            filter, Of("regencies").Single().Count, programme.Sum(p => p.Regencies), progress.Sum(p => p.Count), programme, progress, buckets,
            round, bands, scores, overdueRegencies.Count, overdueRegencies.Sum(o => o.QuickWins), [.. overdueRegencies.Take(OverdueRows)],
            provinces, cohorts, clock.GetUtcNow());
    }

    /// <summary>
    /// The regencies behind a figure of the national dashboard (see <see cref="DashboardFigure"/> for keys and values), under the same
    /// filter, one page ordered by value (highest first) then code: one SQL command (overdue: two, grouped in SQL and paged here).
    /// </summary>
    public async Task<PagedResult<DrillRow>> DrillDownAsync(DashboardFilter filter, DashboardFigure figure, string? key, int page = 1, int pageSize = 25, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        access.EnsureNational("the national dashboard");
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(1, page);
        key ??= "";
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (figure == DashboardFigure.Overdue)
        {
            var grace = OverdueService.GraceDays(await db.Settings.AsNoTracking().Where(s => s.Key == SettingKeys.OverdueGraceDays).Select(s => s.Value).FirstOrDefaultAsync(ct));
            var rows = await (
                from o in overdue.AllOverdue(db, grace)
                join r in Filtered(db, filter) on o.RegencyCode equals r.Code
                group o by new { r.Id, r.Code, r.Name, Province = r.Province!.Name, r.Kind, r.CohortYear, r.CurrentStage } into g
                select new DrillRow(g.Key.Id, g.Key.Code, g.Key.Name, g.Key.Province, g.Key.Kind, g.Key.CohortYear, g.Key.CurrentStage, (decimal?)g.Count()))
                .ToListAsync(ct);
            var ordered = rows.OrderByDescending(r => r.Value).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
            return new PagedResult<DrillRow>([.. ordered.Skip((page - 1) * pageSize).Take(pageSize)], ordered.Count, page, pageSize);
        }

        var args = FilterArgs(filter).ToList();
        string Arg(object value)
        {
            args.Add(value);
            return "{" + (args.Count - 1).ToString(CultureInfo.InvariantCulture) + "}";
        }

        var pick = figure switch
        {
            DashboardFigure.Programme => ProgrammePick(key, Arg),
            DashboardFigure.ProgressDimension => $"""
                SELECT qw."RegencyId" AS id, round(avg(qw.progress), 2) AS value FROM qw JOIN "Dimensions" d ON d."Id" = qw."DimensionId"
                WHERE d."Code" = {Arg(key)} GROUP BY qw."RegencyId"
                """,
            DashboardFigure.ProgressBucket => $"""
                SELECT qw."RegencyId" AS id, count(*)::numeric AS value FROM qw
                WHERE least(floor(qw.progress / 20), 4)::int = {Arg(int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var b) ? b : -1)}
                GROUP BY qw."RegencyId"
                """,
            DashboardFigure.Band => $"""
                SELECT p."RegencyId" AS id, p."Index" AS value FROM lr JOIN "RoundParticipants" p ON p."RoundId" = lr."Id"
                JOIN f ON f."Id" = p."RegencyId" WHERE p."Band" = {Arg(key)}
                """,
            DashboardFigure.ScoreDimension => $"""
                SELECT ds."RegencyId" AS id, ds.score AS value FROM ds JOIN "Dimensions" d ON d."Id" = ds."DimensionId" WHERE d."Code" = {Arg(key)}
                """,
            _ => throw new ArgumentOutOfRangeException(nameof(figure)),
        };
        var sql = Common + $"""
            , pick AS ({pick})
            SELECT r."Id", r."Code", r."Name", pv."Name" AS "ProvinceName", r."Kind", r."CohortYear", r."CurrentStage" AS "Stage", pick.value AS "Value",
                   count(*) OVER () AS "Total"
            FROM pick JOIN "Regencies" r ON r."Id" = pick.id JOIN "Provinces" pv ON pv."Id" = r."ProvinceId"
            ORDER BY pick.value DESC NULLS LAST, r."Code"
            LIMIT {Arg(pageSize)} OFFSET {Arg((page - 1) * pageSize)}
            """;
        var found = await db.Database.SqlQuery<DrillSql>(FormattableStringFactory.Create(sql, [.. args])).ToListAsync(ct);
        var total = found.Count > 0 ? (int)found[0].Total : 0;
        if (found.Count == 0 && page > 1)
        {
            // Past the last page: count the figure's regencies with the first page instead of guessing.
            return (await DrillDownAsync(filter, figure, key, 1, pageSize, ct)) with { Items = [], Page = page };
        }

        return new PagedResult<DrillRow>(
            [.. found.Select(r => new DrillRow(
                r.Id, r.Code, r.Name, r.ProvinceName, Enum.Parse<RegencyKind>(r.Kind), r.CohortYear,
                Enum.TryParse<ProgrammeStage>(r.Stage, out var stage) ? stage : null, r.Value))],
            total, page, pageSize);
    }

    /// <summary>Regencies in the programme of a cohort and/or stage: key <c>cohort|stage</c>; stage <c>none</c> for no stage yet.</summary>
    private static string ProgrammePick(string key, Func<object, string> arg)
    {
        var parts = key.Split('|');
        var cohort = int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : 0;
        var stage = parts.Length > 1 ? parts[1] : "";
        var stageCondition = stage switch
        {
            "" => "TRUE",
            "none" => "f.\"CurrentStage\" IS NULL",
            _ => $"f.\"CurrentStage\" = {arg(Enum.TryParse<ProgrammeStage>(stage, out var s) ? s.ToString() : "?")}",
        };
        return $"""
            SELECT f."Id" AS id, NULL::numeric AS value FROM f
            WHERE f."CohortYear" IS NOT NULL AND ({arg(cohort)} = 0 OR f."CohortYear" = {arg(cohort)}) AND {stageCondition}
            """;
    }

    private static object[] FilterArgs(DashboardFilter filter) =>
        [filter.Province?.Trim() ?? "", filter.Cohort ?? 0, filter.Kind?.ToString() ?? ""];

    private static IQueryable<Regency> Filtered(SmartCityDbContext db, DashboardFilter filter)
    {
        var regencies = db.Regencies.AsNoTracking().Where(r => r.IsActive);
        if (!string.IsNullOrWhiteSpace(filter.Province))
        {
            var province = filter.Province.Trim();
            regencies = regencies.Where(r => r.Province!.Code == province);
        }

        if (filter.Cohort is { } cohort)
        {
            regencies = regencies.Where(r => r.CohortYear == cohort);
        }

        if (filter.Kind is { } kind)
        {
            regencies = regencies.Where(r => r.Kind == kind);
        }

        return regencies;
    }

    /// <summary>Overdue quick wins grouped by regency in SQL (the overdue rule of <see cref="OverdueService"/>), under the filter.</summary>
    private IQueryable<OverdueRegency> OverdueByRegency(SmartCityDbContext db, DashboardFilter filter, int grace) =>
        from o in overdue.AllOverdue(db, grace)
        join r in Filtered(db, filter) on o.RegencyCode equals r.Code
        group o by new { r.Code, r.Name } into g
        select new OverdueRegency(g.Key.Code, g.Key.Name, g.Count(), g.Max(x => x.DaysOverdue));

    private static List<DimensionFigure> Dimensions(List<FigureSql> rows) =>
        [.. DimensionCodes.All.Select(code => rows.FirstOrDefault(r => r.Key == code) is { } r
            ? new DimensionFigure(code, r.Count == 0 ? null : r.Value, r.Count)
            : new DimensionFigure(code, null, 0))];

    /// <summary>A row of the figures statement: which figure, its keys, a count and a value.</summary>
    internal sealed record FigureSql(string Figure, string Key, string Key2, int Count, decimal? Value);

    internal sealed record DrillSql(int Id, string Code, string Name, string ProvinceName, string Kind, int? CohortYear, string? Stage, decimal? Value, long Total);
}
