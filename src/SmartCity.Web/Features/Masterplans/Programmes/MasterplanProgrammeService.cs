using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartCity.Domain.Common;
using SmartCity.Domain.Masterplans;
using SmartCity.Web.Common;
using SmartCity.Web.Components.Shared;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.Masterplans.Programmes;
using SmartCity.Web.Features.QuickWins;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.Masterplans;

/// <summary>
/// Block 4 (programmes with KPIs) and block 6 (quick wins) of the masterplan editor. Programmes are edited by the regency's
/// planners while the plan's state allows editing; a programme becomes a quick win through <see cref="QuickWinService"/>
/// (planners and Diskominfo, in any state of the plan: the quick win is its own record), or an existing quick win is linked.
/// </summary>
public sealed class MasterplanProgrammeService(
    IDbContextFactory<SmartCityDbContext> dbFactory, RegencyAccess access, PlanProgrammeInputValidator validator,
    QuickWinFromProgrammeInputValidator quickWinValidator, QuickWinService quickWins, IStringLocalizer<SharedResource> l)
{
    private static bool English => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>
    /// Adds (<paramref name="programmeId"/> null, placed last) or edits a programme; its KPIs are replaced as a set.
    /// Checks what the form cannot: years inside the plan's period, the horizon of the start year, element of the dimension,
    /// OPD of the regency, goal of this plan. An edit against an old version is a conflict (field by field) unless <paramref name="overwrite"/>.
    /// </summary>
    public async Task<SaveResult> SaveAsync(int planId, int? programmeId, PlanProgrammeInput input, bool overwrite = false, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await db.Masterplans.AsNoTracking().SingleOrDefaultAsync(m => m.Id == planId, ct) ?? throw new KeyNotFoundException($"Masterplan {planId}");
        MasterplanService.EnsureEditable(access, plan);
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation);
        }

        if (await CheckAsync(db, plan, input, ct) is { } refused)
        {
            return refused;
        }

        Programme programme;
        if (programmeId is { } existing)
        {
            programme = await db.Programmes.Include(p => p.Kpis).SingleOrDefaultAsync(p => p.Id == existing && p.MasterplanId == planId, ct)
                ?? throw new KeyNotFoundException($"Programme {existing}");
            if (!overwrite && programme.Version != input.Version)
            {
                return SaveResult.Conflicted(await ConflictAsync(db, programme, input, ct));
            }

            db.Entry(programme).Property(p => p.Version).OriginalValue = overwrite ? programme.Version : input.Version;

            // Always an UPDATE of the programme row: a KPI-only edit still checks and moves the version (not audited when nothing else changed).
            db.Entry(programme).Property(p => p.Name).IsModified = true;
        }
        else
        {
            var last = await db.Programmes.Where(p => p.MasterplanId == planId).MaxAsync(p => (int?)p.SortOrder, ct) ?? 0;
            programme = new Programme { RegencyId = plan.RegencyId, MasterplanId = planId, Name = "", SortOrder = last + 1 };
            db.Programmes.Add(programme);
        }

        Apply(programme, input);
        var kpis = input.Kpis.Select((k, i) => new ProgrammeKpi
        {
            RegencyId = plan.RegencyId,
            Name = k.Name.Trim(),
            Unit = Clean(k.Unit),
            Baseline = k.Baseline,
            Target = k.Target,
            SortOrder = i + 1,
        }).ToList();
        if (!SameKpis(programme.Kpis, kpis))
        {
            foreach (var old in programme.Kpis.ToList())
            {
                db.Remove(old);
            }

            programme.Kpis.Clear();
            programme.Kpis.AddRange(kpis);
        }

        return await db.SaveOrConflictAsync(
                dbFactory,
                async fresh => await ConflictAsync(fresh, await fresh.Programmes.AsNoTracking().Include(p => p.Kpis).SingleAsync(p => p.Id == programme.Id, ct), input, ct),
                ct)
            ?? SaveResult.Saved(programme.Id, programme.Version);
    }

    /// <summary>Deletes a programme with its KPIs; refused while quick wins are linked to it (they are named).</summary>
    public async Task<SaveResult> DeleteAsync(int planId, int programmeId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await db.Masterplans.AsNoTracking().SingleOrDefaultAsync(m => m.Id == planId, ct) ?? throw new KeyNotFoundException($"Masterplan {planId}");
        MasterplanService.EnsureEditable(access, plan);
        var programme = await db.Programmes.Include(p => p.Kpis).SingleOrDefaultAsync(p => p.Id == programmeId && p.MasterplanId == planId, ct)
            ?? throw new KeyNotFoundException($"Programme {programmeId}");
        var linked = await db.QuickWins.AsNoTracking().Where(q => q.ProgrammeId == programmeId).OrderBy(q => q.Name)
            .Select(q => q.Acronym ?? q.Name).ToListAsync(ct);
        if (linked.Count > 0)
        {
            return SaveResult.Invalid(nameof(PlanProgrammeInput.Name), string.Format(CultureInfo.CurrentCulture, l["PlanProgramme.HasQuickWins"], string.Join(", ", linked)));
        }

        db.Programmes.Remove(programme);
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(programmeId, 0);
    }

    /// <summary>
    /// Makes a programme a quick win through <see cref="QuickWinService.CreateFromProgrammeAsync"/>: name, dimension, element and OPD
    /// come from the programme; acronym, dates, budget and kind from the planner. Allowed in any state of the plan.
    /// </summary>
    public async Task<SaveResult> CreateQuickWinAsync(int programmeId, QuickWinFromProgrammeInput input, CancellationToken ct = default)
    {
        var programme = await LoadProgrammeAsync(programmeId, ct);
        var validation = await quickWinValidator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return SaveResult.Invalid(validation);
        }

        return await quickWins.CreateFromProgrammeAsync(programmeId, new QuickWinInput
        {
            Name = programme.Name,
            Acronym = input.Acronym,
            Description = null,
            DimensionId = programme.DimensionId,
            ElementId = programme.ElementId,
            OwnerUnitId = programme.OwnerUnitId,
            StartDate = input.StartDate,
            TargetDate = input.TargetDate,
            Budget = input.Budget,
            BudgetSource = string.IsNullOrWhiteSpace(input.BudgetSource) ? programme.BudgetSource : input.BudgetSource,
            Kind = input.Kind,
            Status = Domain.QuickWins.QuickWinStatus.Planned,
        }, ct);
    }

    /// <summary>Links an existing, unlinked quick win of the programme's regency to the programme (audited).</summary>
    public async Task<SaveResult> LinkQuickWinAsync(int programmeId, int quickWinId, CancellationToken ct = default)
    {
        var programme = await LoadProgrammeAsync(programmeId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var quickWin = await db.QuickWins.SingleOrDefaultAsync(q => q.Id == quickWinId, ct) ?? throw new KeyNotFoundException($"Quick win {quickWinId}");
        if (quickWin.RegencyId != programme.RegencyId)
        {
            access.EnsureAllowed(false, "link a quick win of another regency to", $"programme {programmeId} of regency {programme.RegencyId}");
        }

        if (quickWin.ProgrammeId == programmeId)
        {
            return SaveResult.Saved(quickWinId, quickWin.Version);
        }

        if (quickWin.ProgrammeId is { } other)
        {
            var name = await db.Programmes.AsNoTracking().Where(p => p.Id == other).Select(p => p.Name).SingleAsync(ct);
            return SaveResult.Invalid("QuickWinId", string.Format(CultureInfo.CurrentCulture, l["PlanProgramme.QuickWinLinkedElsewhere"], quickWin.Acronym ?? quickWin.Name, name));
        }

        quickWin.ProgrammeId = programmeId;
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(quickWinId, quickWin.Version);
    }

    /// <summary>Unlinks a quick win from the programme; the quick win stays in the register.</summary>
    public async Task<SaveResult> UnlinkQuickWinAsync(int programmeId, int quickWinId, CancellationToken ct = default)
    {
        var programme = await LoadProgrammeAsync(programmeId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var quickWin = await db.QuickWins.SingleOrDefaultAsync(q => q.Id == quickWinId && q.RegencyId == programme.RegencyId && q.ProgrammeId == programmeId, ct)
            ?? throw new KeyNotFoundException($"Quick win {quickWinId} of programme {programmeId}");
        quickWin.ProgrammeId = null;
        await db.SaveChangesAsync(ct);
        return SaveResult.Saved(quickWinId, quickWin.Version);
    }

    /// <summary>The regency's quick wins not linked to any programme, for "link a quick win" (archived ones left out). One SQL command.</summary>
    public async Task<IReadOnlyList<OptionRow>> UnlinkedQuickWinsAsync(int regencyId, CancellationToken ct = default)
    {
        access.EnsureCanRead(regencyId, "the quick wins to link");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.QuickWins.AsNoTracking().Where(q => q.RegencyId == regencyId && q.ProgrammeId == null && !q.IsArchived)
            .OrderBy(q => q.StartDate).ThenBy(q => q.Name)
            .Select(q => new OptionRow(q.Id, q.Acronym == null ? q.Name : q.Acronym + " – " + q.Name)).ToListAsync(ct);
    }

    /// <summary>The horizon spans of a plan from the settings (defaults 2 and 5 years). One SQL command.</summary>
    internal static async Task<HorizonSpans> SpansAsync(SmartCityDbContext db, Masterplan plan, CancellationToken ct)
    {
        var settings = await db.Settings.AsNoTracking().Where(s => s.Key == SettingKeys.HorizonShortYears || s.Key == SettingKeys.HorizonMediumYears)
            .ToDictionaryAsync(s => s.Key, s => s.Value, ct);
        return new HorizonSpans(plan.StartYear, plan.EndYear, Years(settings.GetValueOrDefault(SettingKeys.HorizonShortYears), 2), Years(settings.GetValueOrDefault(SettingKeys.HorizonMediumYears), 5));
    }

    private static int Years(string? setting, int fallback) =>
        int.TryParse(setting, NumberStyles.None, CultureInfo.InvariantCulture, out var years) && years > 0 ? years : fallback;

    /// <summary>The programme (untracked) after the access check for quick-win writes: the regency's planners and Diskominfo.</summary>
    private async Task<Programme> LoadProgrammeAsync(int programmeId, CancellationToken ct)
    {
        access.EnsureSignedIn($"programme {programmeId}");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(p => p.Id == programmeId, ct) ?? throw new KeyNotFoundException($"Programme {programmeId}");
        QuickWinService.EnsureCanCreateFromProgramme(access, programme.RegencyId, programmeId);
        return programme;
    }

    /// <summary>The authoritative checks the form cannot make.</summary>
    private async Task<SaveResult?> CheckAsync(SmartCityDbContext db, Masterplan plan, PlanProgrammeInput input, CancellationToken ct)
    {
        var (start, end) = (input.StartYear!.Value, input.EndYear!.Value);
        if (start < plan.StartYear || start > plan.EndYear)
        {
            return SaveResult.Invalid(nameof(PlanProgrammeInput.StartYear), string.Format(CultureInfo.CurrentCulture, l["PlanProgramme.OutsidePeriod"], plan.StartYear, plan.EndYear));
        }

        if (end > plan.EndYear)
        {
            return SaveResult.Invalid(nameof(PlanProgrammeInput.EndYear), string.Format(CultureInfo.CurrentCulture, l["PlanProgramme.OutsidePeriod"], plan.StartYear, plan.EndYear));
        }

        var spans = await SpansAsync(db, plan, ct);
        if (spans.HorizonOf(start) != input.Horizon)
        {
            var (from, to) = spans.Of(input.Horizon);
            return SaveResult.Invalid(nameof(PlanProgrammeInput.Horizon), string.Format(
                CultureInfo.CurrentCulture, l["PlanProgramme.HorizonMismatch"], l.Enum(input.Horizon), from, to, start, l.Enum(spans.HorizonOf(start))));
        }

        if (!await db.Dimensions.AnyAsync(d => d.Id == input.DimensionId, ct))
        {
            return SaveResult.Invalid(nameof(PlanProgrammeInput.DimensionId), l["Validation.Choose"]);
        }

        if (input.ElementId is { } element && !await db.Elements.AnyAsync(e => e.Id == element && e.DimensionId == input.DimensionId, ct))
        {
            return SaveResult.Invalid(nameof(PlanProgrammeInput.ElementId), l["QuickWin.ElementOfDimension"]);
        }

        if (input.OwnerUnitId is { } unit && !await db.GovernmentUnits.AnyAsync(u => u.Id == unit && u.RegencyId == plan.RegencyId, ct))
        {
            return SaveResult.Invalid(nameof(PlanProgrammeInput.OwnerUnitId), l["PlanProgramme.UnitOfRegency"]);
        }

        if (input.GoalId is { } goal && !await db.MasterplanGoals.AnyAsync(g => g.Id == goal && g.MasterplanId == plan.Id && g.DimensionId == input.DimensionId, ct))
        {
            return SaveResult.Invalid(nameof(PlanProgrammeInput.GoalId), l["PlanProgramme.GoalOfPlan"]);
        }

        return null;
    }

    private static void Apply(Programme programme, PlanProgrammeInput input)
    {
        programme.Name = input.Name.Trim();
        programme.DimensionId = input.DimensionId!.Value;
        programme.ElementId = input.ElementId;
        programme.OwnerUnitId = input.OwnerUnitId;
        programme.Horizon = input.Horizon;
        programme.StartYear = input.StartYear!.Value;
        programme.EndYear = input.EndYear!.Value;
        programme.BudgetEstimate = input.BudgetEstimate;
        programme.BudgetSource = Clean(input.BudgetSource);
        programme.RpjmdReference = Clean(input.RpjmdReference);
        programme.GoalId = input.GoalId;
    }

    private static bool SameKpis(List<ProgrammeKpi> saved, List<ProgrammeKpi> yours) =>
        saved.Count == yours.Count
        && saved.OrderBy(k => k.SortOrder).ThenBy(k => k.Id).Zip(yours)
            .All(pair => pair.First.Name == pair.Second.Name && pair.First.Unit == pair.Second.Unit
                && pair.First.Baseline == pair.Second.Baseline && pair.First.Target == pair.Second.Target);

    private async Task<ConcurrencyConflict> ConflictAsync(SmartCityDbContext db, Programme saved, PlanProgrammeInput yours, CancellationToken ct)
    {
        var (changedBy, changedAt) = await db.LastChangeAsync(nameof(Programme), saved.Id.ToString(CultureInfo.InvariantCulture), ct);
        var names = await ConflictNames.LoadAsync(
            db, [saved.DimensionId, yours.DimensionId], [saved.ElementId, yours.ElementId], [saved.OwnerUnitId, yours.OwnerUnitId], English, ct);
        int?[] goalIds = [saved.GoalId, yours.GoalId];
        var goals = await db.MasterplanGoals.AsNoTracking().Where(g => goalIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Text, ct);
        static string? Year(int? y) => y?.ToString(CultureInfo.InvariantCulture);
        var differences = new Differences()
            .Add(l["PlanProgramme.Name"], yours.Name, saved.Name)
            .Add(l["PlanProgramme.Dimension"], names.Dimension(yours.DimensionId), names.Dimension(saved.DimensionId))
            .Add(l["PlanProgramme.Element"], names.Element(yours.ElementId), names.Element(saved.ElementId))
            .Add(l["PlanProgramme.Owner"], names.Unit(yours.OwnerUnitId), names.Unit(saved.OwnerUnitId))
            .Add(l["PlanProgramme.Horizon"], l.Enum(yours.Horizon), l.Enum(saved.Horizon))
            .Add(l["PlanProgramme.StartYear"], Year(yours.StartYear), Year(saved.StartYear))
            .Add(l["PlanProgramme.EndYear"], Year(yours.EndYear), Year(saved.EndYear))
            .Add(l["PlanProgramme.Budget"], yours.BudgetEstimate is { } b ? Format.Money(b) : null, saved.BudgetEstimate is { } s ? Format.Money(s) : null)
            .Add(l["PlanProgramme.BudgetSource"], yours.BudgetSource, saved.BudgetSource)
            .Add(l["PlanProgramme.RpjmdReference"], yours.RpjmdReference, saved.RpjmdReference)
            .Add(l["PlanProgramme.Goal"], ConflictNames.Of(goals, yours.GoalId), ConflictNames.Of(goals, saved.GoalId))
            .Add(l["PlanProgramme.Kpis"], KpiSummary(yours.Kpis.Select(k => (k.Name, k.Unit, k.Baseline, k.Target))),
                KpiSummary(saved.Kpis.OrderBy(k => k.SortOrder).ThenBy(k => k.Id).Select(k => (k.Name, k.Unit, k.Baseline, k.Target))));
        return new ConcurrencyConflict(differences.Items, changedBy, changedAt, saved.Version);
    }

    /// <summary>One line for the conflict table: "Pengguna aktif: 100 → 500 orang; …".</summary>
    internal static string? KpiSummary(IEnumerable<(string Name, string? Unit, decimal? Baseline, decimal? Target)> kpis)
    {
        var parts = kpis.Select(k => $"{k.Name.Trim()}: {Format.Number(k.Baseline) ?? "–"} → {Format.Number(k.Target) ?? "–"}{(string.IsNullOrWhiteSpace(k.Unit) ? "" : " " + k.Unit.Trim())}").ToList();
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
