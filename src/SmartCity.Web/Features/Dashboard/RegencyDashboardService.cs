using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartCity.Domain.Dimensions;
using SmartCity.Domain.Masterplans;
using SmartCity.Web.Components.Shared;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.Masterplans;
using SmartCity.Web.Features.QuickWins;
using SmartCity.Web.Features.QuickWins.Overdue;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.Dashboard;

/// <summary>
/// The dashboard of one regency, for its own users and for national roles (any regency). Regency users read only their own
/// (<see cref="RegencyAccess.EnsureCanRead"/>). The cost does not grow with the data: regency with history, masterplan head and open
/// comments (1), progress per dimension (1), overdue first page (2, <see cref="OverdueService"/>), scores against the national mean (1)
/// and the masterplan's completeness (<see cref="MasterplanService.CompletenessAsync"/>, 1, only when there is a masterplan).
/// </summary>
public sealed class RegencyDashboardService(
    IDbContextFactory<SmartCityDbContext> dbFactory, RegencyAccess access, OverdueService overdue, IStringLocalizer<SharedResource> l)
{
    public const int OverdueRows = 5;

    public const int CommentRows = 5;

    /// <summary>
    /// The latest finalised round the regency took part in ({0} the regency id), every participant's dimension scores (for the national
    /// mean), and per dimension the regency's score, the mean and the regency's published index, band and national rank.
    /// </summary>
    private const string ScoresSql = """
        WITH f AS (SELECT r."Id" FROM "Regencies" r),
        lr AS (
            SELECT a."Id", a."Name", a."Year", a."IsDemo", a."InstrumentId", i."ScaleMax", i."DivergenceThreshold"
            FROM "AssessmentRounds" a JOIN "Instruments" i ON i."Id" = a."InstrumentId"
            JOIN "RoundParticipants" own ON own."RoundId" = a."Id" AND own."RegencyId" = {0}
            WHERE a."State" = 'Finalised'
            ORDER BY a."Year" DESC, a."FinalisedAt" DESC NULLS LAST, a."Id" DESC
            LIMIT 1
        ),
        """ + DashboardService.DimensionScores + """

        SELECT d."Code",
               (SELECT ds.score FROM ds WHERE ds."RegencyId" = {0} AND ds."DimensionId" = d."Id") AS "Regency",
               (SELECT round(avg(ds.score), 2) FROM ds WHERE ds."DimensionId" = d."Id") AS "National",
               lr."Id" AS "RoundId", lr."Name" AS "RoundName", lr."Year", lr."IsDemo", lr."ScaleMax",
               p."Index", p."Band", p."NationalRank"
        FROM lr CROSS JOIN "Dimensions" d
        JOIN "RoundParticipants" p ON p."RoundId" = lr."Id" AND p."RegencyId" = {0}
        ORDER BY d."SortOrder"
        """;

    /// <summary>
    /// The dashboard of the regency with Kemendagri code <paramref name="code"/> (null: the user's own regency); null for an unknown
    /// code or a user without a regency. Refused (<see cref="AccessDeniedException"/>) for a regency the user may not read.
    /// <paramref name="includeOverdue"/> false leaves the overdue list out (Beranda shows it in its report cards).
    /// </summary>
    public async Task<RegencyDashboard?> GetAsync(string? code, bool includeOverdue = true, CancellationToken ct = default)
    {
        access.EnsureSignedIn("a regency dashboard");
        var own = access.OwnRegencyId;
        if (code is null && own is null)
        {
            return null;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var head = await db.Regencies.AsNoTracking()
            .Where(r => code == null ? r.Id == own : r.Code == code)
            .Select(r => new
            {
                r.Id,
                r.Code,
                r.Name,
                Province = r.Province!.Name,
                r.Kind,
                r.CohortYear,
                r.CurrentStage,
                r.TimeZone,
                Stages = r.StageHistory.OrderBy(s => s.Date).ThenBy(s => s.Stage).Select(s => new StageStep(s.Stage, s.Date, s.Note)).ToList(),
                Plan = db.Masterplans.Where(m => m.RegencyId == r.Id).OrderByDescending(m => m.StartYear).ThenByDescending(m => m.Id)
                    .Select(m => new
                    {
                        m.Id,
                        m.Title,
                        m.StartYear,
                        m.EndYear,
                        m.State,
                        m.WorkingVersion,
                        m.ApprovedVersion,
                        Open = db.ReviewComments.Count(c => c.MasterplanId == m.Id && c.ParentId == null && c.ResolvedAt == null),
                    })
                    .FirstOrDefault(),
                OpenTotal = db.ReviewComments.Count(c => c.RegencyId == r.Id && c.ParentId == null && c.ResolvedAt == null),
                Open = db.ReviewComments.Where(c => c.RegencyId == r.Id && c.ParentId == null && c.ResolvedAt == null)
                    .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(CommentRows)
                    .Select(c => new OpenComment(
                        c.Id, c.MasterplanId, c.Anchor, c.Text, db.Users.Where(u => u.Id == c.AuthorId).Select(u => u.FullName).FirstOrDefault(), c.CreatedAt))
                    .ToList(),
            })
            .AsSingleQuery()
            .SingleOrDefaultAsync(ct);
        if (head is null)
        {
            return null;
        }

        access.EnsureCanRead(head.Id, "the regency dashboard");
        var progress = await QuickWinService.DimensionProgressAsync(db, head.Id, ct);
        var scores = await db.Database.SqlQuery<ScoreSql>(System.Runtime.CompilerServices.FormattableStringFactory.Create(ScoresSql, head.Id)).ToListAsync(ct);
        var overdueRows = includeOverdue
            ? await overdue.ListAsync(new OverdueQuery(head.Id, null, 1, OverdueRows), ct)
            : null;
        MasterplanStatus? plan = null;
        if (head.Plan is { } p)
        {
            var completeness = await MasterplanService.CompletenessAsync(db, p.Id, ct) ?? [];
            plan = new MasterplanStatus(p.Id, p.Title, p.StartYear, p.EndYear, p.State, p.WorkingVersion, p.ApprovedVersion, [.. completeness.Select(Message)], p.Open);
        }

        var first = scores.FirstOrDefault();
        return new RegencyDashboard(
            head.Id, head.Code, head.Name, head.Province, head.Kind, head.CohortYear, head.CurrentStage, head.TimeZone, head.Stages, plan, progress,
            overdueRows?.Total ?? 0, overdueRows?.Items ?? [],
            first is null ? null : new LatestRound(first.RoundId, first.RoundName, first.Year, first.IsDemo, first.ScaleMax),
            first?.Index, first?.Band, first?.NationalRank,
            first is null ? [] : [.. DimensionCodes.All.Select(c => scores.FirstOrDefault(s => s.Code == c) is { } s ? new ScoreComparison(c, s.Regency, s.National) : new ScoreComparison(c, null, null))],
            head.OpenTotal, head.Open);
    }

    /// <summary>A completeness finding as the completeness panel words it (<c>Completeness.{Rule}</c> with its arguments).</summary>
    private string Message(CompletenessIssue issue)
    {
        var arguments = issue.Arguments.Select(a => a is DateOnly d ? Format.Date(d) : a).ToArray();
        var text = string.Format(CultureInfo.CurrentCulture, l[$"Completeness.{issue.Rule}"], arguments);
        return issue.Components.Count > 0 ? $"{text} ({string.Join(", ", issue.Components.Select(c => l.Enum(c)))})" : text;
    }

    internal sealed record ScoreSql(
        string Code, decimal? Regency, decimal? National, int RoundId, string RoundName, int Year, bool IsDemo, decimal ScaleMax,
        decimal? Index, string? Band, int? NationalRank);
}
