using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartCity.Domain.Common;
using SmartCity.Domain.Masterplans;
using SmartCity.Domain.QuickWins;
using SmartCity.Web.Common;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.Masterplans;

/// <summary>
/// The masterplans of a regency: the list, starting a plan for a period, its frame (title, period, RPJMD), and the editor's
/// whole working copy in eight SQL commands. Bappeda planners write their own regency's; everyone who may read the regency reads.
/// </summary>
public sealed class MasterplanService(
    IDbContextFactory<SmartCityDbContext> dbFactory, RegencyAccess access, MasterplanInputValidator validator,
    IStringLocalizer<SharedResource> l, ProgrammeClock clock)
{
    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The list's frame: the user's own regency, a named one (national roles), or every regency (national roles, no code).</summary>
    public async Task<MasterplanListFrame?> FrameAsync(string? regencyCode, CancellationToken ct = default)
    {
        access.EnsureSignedIn("the masterplans");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var regency = regencyCode is null && access.OwnRegencyId is { } own
            ? await db.Regencies.AsNoTracking().Where(r => r.Id == own).Select(r => new { r.Id, r.Code, r.Name }).SingleAsync(ct)
            : regencyCode is null
                ? null
                : await db.Regencies.AsNoTracking().Where(r => r.Code == regencyCode).Select(r => new { r.Id, r.Code, r.Name }).FirstOrDefaultAsync(ct);
        if (regency is null && regencyCode is not null)
        {
            return null;
        }

        if (regency is null)
        {
            access.EnsureNational("the national masterplan list");
            return new MasterplanListFrame(null, null, null, false);
        }

        access.EnsureCanRead(regency.Id, "the masterplans");
        return new MasterplanListFrame(regency.Id, regency.Code, regency.Name, access.CanWrite(regency.Id, RegencyWrite.Masterplans));
    }

    /// <summary>One page of plans (a regency's, or every regency's for national roles), newest period first. Two SQL commands.</summary>
    public async Task<PagedResult<MasterplanListRow>> ListAsync(int? regencyId, MasterplanState? state, string? search, int page, int pageSize, CancellationToken ct = default)
    {
        access.EnsureSignedIn("the masterplans");
        if (regencyId is { } id)
        {
            access.EnsureCanRead(id, "the masterplans");
        }
        else
        {
            access.EnsureNational("the national masterplan list");
        }

        pageSize = Math.Clamp(pageSize, 1, 200);
        page = Math.Max(1, page);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = from m in db.Masterplans.AsNoTracking()
                   join r in db.Regencies on m.RegencyId equals r.Id
                   select new { m, r.Code, r.Name };
        if (regencyId is { } only)
        {
            rows = rows.Where(x => x.m.RegencyId == only);
        }

        if (state is { } s)
        {
            rows = rows.Where(x => x.m.State == s);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = $"%{Like.Escape(search.Trim())}%";
            rows = rows.Where(x => EF.Functions.ILike(x.m.Title, pattern) || EF.Functions.ILike(x.Name, pattern) || x.Code.StartsWith(search.Trim()));
        }

        var total = await rows.CountAsync(ct);
        var items = await rows.OrderByDescending(x => x.m.StartYear).ThenBy(x => x.Code)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(x => new MasterplanListRow(
                x.m.Id, x.Code, x.Name, x.m.Title, x.m.StartYear, x.m.EndYear, x.m.State, x.m.WorkingVersion, x.m.ApprovedVersion, x.m.UpdatedAt,
                x.m.Comments.Count(c => c.ParentId == null && c.ResolvedAt == null)))
            .ToListAsync(ct);
        return new PagedResult<MasterplanListRow>(items, total, page, pageSize);
    }

    /// <summary>Starts a plan for a period: one per period, and periods of one regency do not overlap.</summary>
    public async Task<SaveResult> CreateAsync(int regencyId, MasterplanInput input, CancellationToken ct = default)
    {
        access.EnsureCanWrite(regencyId, RegencyWrite.Masterplans, "the masterplans");
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await OverlapAsync(db, regencyId, input, null, ct) is { } refused)
        {
            return refused;
        }

        var now = clock.GetUtcNow();
        var plan = new Masterplan { RegencyId = regencyId, Title = input.Title.Trim(), State = MasterplanState.Draft, CreatedAt = now, UpdatedAt = now };
        Apply(plan, input);
        db.Masterplans.Add(plan);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            return SaveResult.Invalid(nameof(MasterplanInput.StartYear), l["Masterplan.PeriodTaken"]);
        }

        return SaveResult.Saved(plan.Id, plan.Version);
    }

    /// <summary>Edits title, period and RPJMD while the plan may be edited; programmes must still fit (the completeness panel says which do not).</summary>
    public async Task<SaveResult> UpdateFrameAsync(int id, MasterplanInput input, bool overwrite = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await db.Masterplans.SingleOrDefaultAsync(m => m.Id == id, ct) ?? throw new KeyNotFoundException($"Masterplan {id}");
        EnsureEditable(access, plan);
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation);
        }

        if (await OverlapAsync(db, plan.RegencyId, input, id, ct) is { } refused)
        {
            return refused;
        }

        if (!overwrite && plan.Version != input.Version)
        {
            return SaveResult.Conflicted(await FrameConflictAsync(db, plan, input, ct));
        }

        db.Entry(plan).Property(m => m.Version).OriginalValue = overwrite ? plan.Version : input.Version;
        Apply(plan, input);
        plan.UpdatedAt = clock.GetUtcNow();
        return await db.SaveOrConflictAsync(
                dbFactory, async fresh => await FrameConflictAsync(fresh, await fresh.Masterplans.AsNoTracking().SingleAsync(m => m.Id == id, ct), input, ct), ct)
            ?? SaveResult.Saved(plan.Id, plan.Version);
    }

    /// <summary>
    /// The working copy with everything the editor shows: eight SQL commands, whatever the number of programmes
    /// (plan with versions and the user's drafts; readiness; goals; dimensions with strategies; programmes with KPIs; their quick wins with progress; signatories; comments).
    /// </summary>
    public async Task<MasterplanDetail?> GetAsync(int id, CancellationToken ct = default)
    {
        access.EnsureSignedIn("a masterplan");
        var userId = access.UserId ?? "";
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var head = await db.Masterplans.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new
            {
                Plan = m,
                Regency = db.Regencies.Where(r => r.Id == m.RegencyId).Select(r => new { r.Code, r.Name, r.TimeZone }).First(),
                ShortYears = db.Settings.Where(s => s.Key == SettingKeys.HorizonShortYears).Select(s => s.Value).FirstOrDefault(),
                MediumYears = db.Settings.Where(s => s.Key == SettingKeys.HorizonMediumYears).Select(s => s.Value).FirstOrDefault(),
                Versions = m.Versions.OrderBy(v => v.Number).Select(v => new VersionRow(
                    v.Number, v.SubmittedAt,
                    db.Users.Where(u => u.Id == v.SubmittedById).Select(u => u.FullName).FirstOrDefault(),
                    v.ApprovedAt,
                    db.Users.Where(u => u.Id == v.ApprovedById).Select(u => u.FullName).FirstOrDefault())).ToList(),
                Drafts = db.MasterplanDrafts.Where(d => d.MasterplanId == m.Id && d.UserId == userId)
                    .Select(d => new DraftRow(d.Block, d.Content, d.BaseVersion, d.SavedAt)).ToList(),
            })
            .AsSingleQuery()
            .SingleOrDefaultAsync(ct);
        if (head is null)
        {
            return null;
        }

        var plan = head.Plan;
        access.EnsureCanRead(plan.RegencyId, "a masterplan");
        var english = English;
        var readiness = await db.ReadinessRatings.AsNoTracking().Where(r => r.MasterplanId == id && r.ElementId == null)
            .Select(r => new ReadinessRow(r.Component, r.Grade, r.Notes)).ToListAsync(ct);
        var goals = await db.MasterplanGoals.AsNoTracking().Where(g => g.MasterplanId == id)
            .Join(db.Dimensions, g => g.DimensionId, d => d.Id, (g, d) => new { g, d.Code, d.SortOrder })
            .OrderBy(x => x.SortOrder).ThenBy(x => x.g.Id)
            .Select(x => new GoalRow(x.g.Id, x.g.DimensionId, x.Code, x.g.Text, x.g.Indicator, x.g.Baseline, x.g.Target, x.g.Version))
            .ToListAsync(ct);
        var dimensions = await db.Dimensions.AsNoTracking().OrderBy(d => d.SortOrder)
            .Select(d => new
            {
                d.Id,
                d.Code,
                Name = english ? d.NameEn : d.NameId,
                Strategy = db.DimensionStrategies.Where(s => s.MasterplanId == id && s.DimensionId == d.Id)
                    .Select(s => new { s.Id, s.Text, s.Version }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var programmes = await db.Programmes.AsNoTracking().Where(p => p.MasterplanId == id)
            .Join(db.Dimensions, p => p.DimensionId, d => d.Id, (p, d) => new { p, d.Code, d.SortOrder })
            .OrderBy(x => x.SortOrder).ThenBy(x => x.p.SortOrder).ThenBy(x => x.p.Id)
            .Select(x => new ProgrammeRow(
                x.p.Id, x.p.Name, x.p.DimensionId, x.Code, x.p.ElementId,
                db.Elements.Where(e => e.Id == x.p.ElementId).Select(e => english ? e.NameEn : e.NameId).FirstOrDefault(),
                x.p.OwnerUnitId,
                db.GovernmentUnits.Where(u => u.Id == x.p.OwnerUnitId).Select(u => u.Acronym ?? u.Name).FirstOrDefault(),
                x.p.Horizon, x.p.StartYear, x.p.EndYear, x.p.BudgetEstimate, x.p.BudgetSource, x.p.RpjmdReference, x.p.GoalId, x.p.SortOrder, x.p.Version,
                x.p.Kpis.OrderBy(k => k.SortOrder).ThenBy(k => k.Id).Select(k => new ProgrammeKpiRow(k.Id, k.Name, k.Unit, k.Baseline, k.Target)).ToList()))
            .ToListAsync(ct);
        var quickWins = await db.QuickWins.AsNoTracking()
            .Where(q => q.ProgrammeId != null && db.Programmes.Any(p => p.Id == q.ProgrammeId && p.MasterplanId == id))
            .OrderBy(q => q.StartDate).ThenBy(q => q.Name)
            .Select(q => new LinkedQuickWin(
                q.Id, q.ProgrammeId!.Value, q.Name, q.Acronym, q.StartDate, q.TargetDate,
                q.Reports.Where(r => r.State == ReportState.Verified).OrderByDescending(r => r.PeriodEnd).ThenByDescending(r => r.PeriodStart)
                    .Select(r => (decimal?)r.Percent).FirstOrDefault() ?? 0,
                q.IsArchived))
            .ToListAsync(ct);
        var signatories = await db.Signatories.AsNoTracking().Where(s => s.MasterplanId == id).OrderBy(s => s.SortOrder).ThenBy(s => s.Id)
            .Select(s => new SignatoryRow(s.Id, s.Name, s.Position, s.Institution, s.SignedOn, s.SortOrder, s.Version)).ToListAsync(ct);
        var comments = await db.ReviewComments.AsNoTracking().Where(c => c.MasterplanId == id).OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new CommentRow(
                c.Id, c.VersionNumber, c.Anchor, c.Text, c.ParentId,
                db.Users.Where(u => u.Id == c.AuthorId).Select(u => u.FullName).FirstOrDefault(),
                c.CreatedAt, c.ResolvedAt,
                db.Users.Where(u => u.Id == c.ResolvedById).Select(u => u.FullName).FirstOrDefault(),
                c.Version))
            .ToListAsync(ct);

        var byProgramme = quickWins.ToLookup(q => q.ProgrammeId);
        var programmeRows = programmes.Select(p => p with { QuickWins = byProgramme[p.Id].ToList() }).ToList();
        var planner = access.CanWrite(plan.RegencyId, RegencyWrite.Masterplans);
        var reviewer = access.IsNational;
        var horizons = new HorizonSpans(plan.StartYear, plan.EndYear, Years(head.ShortYears, 2), Years(head.MediumYears, 5));
        return new MasterplanDetail
        {
            Id = plan.Id,
            RegencyId = plan.RegencyId,
            RegencyCode = head.Regency.Code,
            RegencyName = head.Regency.Name,
            TimeZone = head.Regency.TimeZone,
            Title = plan.Title,
            StartYear = plan.StartYear,
            EndYear = plan.EndYear,
            RpjmdTitle = plan.RpjmdTitle,
            RpjmdStartYear = plan.RpjmdStartYear,
            RpjmdEndYear = plan.RpjmdEndYear,
            State = plan.State,
            WorkingVersion = plan.WorkingVersion,
            ApprovedVersion = plan.ApprovedVersion,
            Version = plan.Version,
            GapAnalysis = plan.GapAnalysis,
            Strengths = plan.Strengths,
            Weaknesses = plan.Weaknesses,
            Opportunities = plan.Opportunities,
            Threats = plan.Threats,
            Vision = plan.Vision,
            Missions = plan.Missions,
            UpdatedAt = plan.UpdatedAt,
            Horizons = horizons,
            Readiness = Enum.GetValues<ReadinessComponent>()
                .Select(c => readiness.FirstOrDefault(r => r.Component == c) ?? new ReadinessRow(c, null, null)).ToList(),
            Dimensions = dimensions.Select(d => new DimensionBlock(d.Id, d.Code, d.Name, d.Strategy?.Id, d.Strategy?.Text, d.Strategy?.Version ?? 0)).ToList(),
            Goals = goals,
            Programmes = programmeRows,
            Signatories = signatories,
            Comments = comments,
            Versions = head.Versions,
            MyDrafts = planner ? head.Drafts : [],
            CanEdit = planner && MasterplanWorkflow.IsAllowed(plan.State, MasterplanAction.Edit),
            CanSubmit = planner && MasterplanWorkflow.IsAllowed(plan.State, MasterplanAction.Submit),
            CanReview = reviewer && MasterplanWorkflow.IsAllowed(plan.State, MasterplanAction.RequestRevision),
            CanApprove = access.IsAdmin && MasterplanWorkflow.IsAllowed(plan.State, MasterplanAction.Approve),
            CanAmend = planner && MasterplanWorkflow.IsAllowed(plan.State, MasterplanAction.Amend),
            CanDiscuss = planner || reviewer,
        };
    }

    /// <summary>Refuses (logged) unless the user is a planner of the plan's regency and the plan's state allows editing.</summary>
    internal static void EnsureEditable(RegencyAccess access, Masterplan plan)
    {
        access.EnsureCanWrite(plan.RegencyId, RegencyWrite.Masterplans, $"masterplan {plan.Id}");
        access.EnsureAllowed(MasterplanWorkflow.IsAllowed(plan.State, MasterplanAction.Edit), $"edit a {plan.State} masterplan", $"masterplan {plan.Id}");
    }

    /// <summary>The completeness rules on the rows the editor loaded (no further SQL).</summary>
    internal static IReadOnlyList<CompletenessIssue> Completeness(MasterplanDetail plan)
    {
        var shape = new Masterplan
        {
            Title = plan.Title,
            StartYear = plan.StartYear,
            EndYear = plan.EndYear,
            RpjmdTitle = plan.RpjmdTitle,
            RpjmdStartYear = plan.RpjmdStartYear,
            RpjmdEndYear = plan.RpjmdEndYear,
            Vision = plan.Vision,
            Missions = plan.Missions,
            Readiness = plan.Readiness.Select(r => new ReadinessRating { Component = r.Component, Grade = r.Grade }).ToList(),
            Goals = plan.Goals.Select(g => new MasterplanGoal { Id = g.Id, DimensionId = g.DimensionId, Text = g.Text }).ToList(),
            Strategies = plan.Dimensions.Where(d => d.Strategy is not null).Select(d => new DimensionStrategy { DimensionId = d.Id, Text = d.Strategy! }).ToList(),
            Programmes = plan.Programmes.Select(p => new Programme
            {
                Id = p.Id,
                Name = p.Name,
                DimensionId = p.DimensionId,
                StartYear = p.StartYear,
                EndYear = p.EndYear,
                SortOrder = p.SortOrder,
            }).ToList(),
            Signatories = plan.Signatories.Select(s => new Signatory { Name = s.Name, Position = s.Position }).ToList(),
        };
        var quickWins = plan.Programmes.SelectMany(p => p.QuickWins).Where(q => !q.IsArchived)
            .Select(q => new PlanQuickWin(q.Id, q.Name, q.ProgrammeId, q.StartDate)).ToList();
        return MasterplanCompleteness.Check(shape, plan.Dimensions.ToDictionary(d => d.Id, d => d.Code), quickWins);
    }

    private static readonly JsonSerializerOptions CompletenessJson = new() { Converters = { new JsonStringEnumConverter() } };

    /// <summary>
    /// The completeness findings of masterplan <paramref name="id"/> in ONE SQL command (each part aggregated as JSON), by the same rules
    /// as the editor (<see cref="MasterplanCompleteness.Check"/>); null for an unknown id. For summaries (dashboards) that show only the
    /// findings. The caller checks access.
    /// </summary>
    internal static async Task<IReadOnlyList<CompletenessIssue>?> CompletenessAsync(SmartCityDbContext db, int id, CancellationToken ct)
    {
        var row = await db.Database.SqlQuery<CompletenessSql>($"""
            SELECT m."Title", m."StartYear", m."EndYear", m."RpjmdTitle", m."RpjmdStartYear", m."RpjmdEndYear", m."Vision", m."Missions",
                   coalesce((SELECT json_agg(json_build_object('Component', r."Component", 'Grade', r."Grade"))
                             FROM "ReadinessRatings" r WHERE r."MasterplanId" = m."Id"), '[]')::text AS "Readiness",
                   coalesce((SELECT json_agg(json_build_object('Id', g."Id", 'DimensionId', g."DimensionId", 'Text', g."Text"))
                             FROM "MasterplanGoals" g WHERE g."MasterplanId" = m."Id"), '[]')::text AS "Goals",
                   coalesce((SELECT json_agg(json_build_object('DimensionId', s."DimensionId", 'Text', s."Text"))
                             FROM "DimensionStrategies" s WHERE s."MasterplanId" = m."Id"), '[]')::text AS "Strategies",
                   coalesce((SELECT json_agg(json_build_object('Id', p."Id", 'Name', p."Name", 'DimensionId', p."DimensionId", 'StartYear', p."StartYear",
                                                               'EndYear', p."EndYear", 'SortOrder', p."SortOrder"))
                             FROM "Programmes" p WHERE p."MasterplanId" = m."Id"), '[]')::text AS "Programmes",
                   coalesce((SELECT json_agg(json_build_object('Name', s."Name", 'Position', s."Position"))
                             FROM "Signatories" s WHERE s."MasterplanId" = m."Id"), '[]')::text AS "Signatories",
                   coalesce((SELECT json_agg(json_build_object('Id', q."Id", 'Name', q."Name", 'ProgrammeId', q."ProgrammeId", 'StartDate', q."StartDate"))
                             FROM "QuickWins" q JOIN "Programmes" p ON p."Id" = q."ProgrammeId"
                             WHERE p."MasterplanId" = m."Id" AND NOT q."IsArchived"), '[]')::text AS "QuickWins",
                   (SELECT json_object_agg(d."Id", d."Code") FROM "Dimensions" d)::text AS "Dimensions"
            FROM "Masterplans" m WHERE m."Id" = {id}
            """).SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        List<T> Parse<T>(string json) => JsonSerializer.Deserialize<List<T>>(json, CompletenessJson) ?? [];
        var shape = new Masterplan
        {
            Title = row.Title,
            StartYear = row.StartYear,
            EndYear = row.EndYear,
            RpjmdTitle = row.RpjmdTitle,
            RpjmdStartYear = row.RpjmdStartYear,
            RpjmdEndYear = row.RpjmdEndYear,
            Vision = row.Vision,
            Missions = row.Missions,
            Readiness = Parse<ReadinessRating>(row.Readiness),
            Goals = Parse<MasterplanGoal>(row.Goals),
            Strategies = Parse<DimensionStrategy>(row.Strategies),
            Programmes = Parse<Programme>(row.Programmes),
            Signatories = Parse<Signatory>(row.Signatories),
        };
        var dimensions = JsonSerializer.Deserialize<Dictionary<int, string>>(row.Dimensions, CompletenessJson) ?? [];
        return MasterplanCompleteness.Check(shape, dimensions, Parse<PlanQuickWin>(row.QuickWins));
    }

    private sealed record CompletenessSql(
        string Title, int StartYear, int EndYear, string? RpjmdTitle, int RpjmdStartYear, int RpjmdEndYear, string? Vision, string? Missions,
        string Readiness, string Goals, string Strategies, string Programmes, string Signatories, string QuickWins, string Dimensions);

    private static int Years(string? setting, int fallback) =>
        int.TryParse(setting, NumberStyles.None, CultureInfo.InvariantCulture, out var years) && years > 0 ? years : fallback;

    private async Task<SaveResult?> OverlapAsync(SmartCityDbContext db, int regencyId, MasterplanInput input, int? exceptId, CancellationToken ct)
    {
        var (start, end) = (input.StartYear!.Value, input.EndYear!.Value);
        var overlapping = await db.Masterplans.AsNoTracking()
            .Where(m => m.RegencyId == regencyId && m.Id != exceptId && m.StartYear < end && start < m.EndYear)
            .Select(m => new { m.StartYear, m.EndYear }).FirstOrDefaultAsync(ct);
        return overlapping is null
            ? null
            : SaveResult.Invalid(nameof(MasterplanInput.StartYear), string.Format(CultureInfo.CurrentCulture, l["Masterplan.PeriodOverlaps"], overlapping.StartYear, overlapping.EndYear));
    }

    private static void Apply(Masterplan plan, MasterplanInput input)
    {
        plan.Title = input.Title.Trim();
        plan.StartYear = input.StartYear!.Value;
        plan.EndYear = input.EndYear!.Value;
        plan.RpjmdTitle = input.RpjmdTitle?.Trim();
        plan.RpjmdStartYear = input.RpjmdStartYear!.Value;
        plan.RpjmdEndYear = input.RpjmdEndYear!.Value;
    }

    private async Task<ConcurrencyConflict> FrameConflictAsync(SmartCityDbContext db, Masterplan saved, MasterplanInput yours, CancellationToken ct)
    {
        var (changedBy, changedAt) = await db.LastChangeAsync(nameof(Masterplan), saved.Id.ToString(CultureInfo.InvariantCulture), ct);
        static string? Year(int? y) => y?.ToString(CultureInfo.InvariantCulture);
        var differences = new Differences()
            .Add(l["Masterplan.Title"], yours.Title, saved.Title)
            .Add(l["Masterplan.StartYear"], Year(yours.StartYear), Year(saved.StartYear))
            .Add(l["Masterplan.EndYear"], Year(yours.EndYear), Year(saved.EndYear))
            .Add(l["Masterplan.RpjmdTitle"], yours.RpjmdTitle, saved.RpjmdTitle)
            .Add(l["Masterplan.RpjmdStartYear"], Year(yours.RpjmdStartYear), Year(saved.RpjmdStartYear))
            .Add(l["Masterplan.RpjmdEndYear"], Year(yours.RpjmdEndYear), Year(saved.RpjmdEndYear));
        return new ConcurrencyConflict(differences.Items, changedBy, changedAt, saved.Version);
    }
}
