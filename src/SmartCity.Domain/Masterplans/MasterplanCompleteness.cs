using SmartCity.Domain.Dimensions;

namespace SmartCity.Domain.Masterplans;

/// <summary>
/// What the completeness panel reports before a masterplan is submitted. The values are stable: the Web layer localises
/// them as <c>Completeness.{Rule}</c> with <see cref="CompletenessIssue.Arguments"/> as the format arguments listed here.
/// The order is the order of the blocks in the editor, and the order in which <see cref="MasterplanCompleteness.Check"/> lists them.
/// </summary>
public enum CompletenessRule
{
    /// <summary>Period length is not 5–10 years. {0} start year, {1} end year, {2} minimum years, {3} maximum years.</summary>
    PeriodInvalid,

    /// <summary>The RPJMD title or one of its years is not filled in. No arguments.</summary>
    RpjmdMissing,

    /// <summary>The RPJMD ends before it starts. {0} start year, {1} end year.</summary>
    RpjmdPeriodInvalid,

    /// <summary>Readiness components without a grade (no rating, or a rating row left ungraded). {0} number of components; see <see cref="CompletenessIssue.Components"/>.</summary>
    ReadinessIncomplete,

    /// <summary>The vision is empty. No arguments.</summary>
    EmptyVision,

    /// <summary>The missions are empty. No arguments.</summary>
    NoMissions,

    /// <summary>No goal with text. No arguments.</summary>
    NoGoals,

    /// <summary>A dimension has no development strategy with text. {0} dimension code.</summary>
    DimensionWithoutStrategy,

    /// <summary>A dimension has no programme. {0} dimension code.</summary>
    DimensionWithoutProgramme,

    /// <summary>A programme's end year is before its start year. {0} programme name, {1} start year, {2} end year.</summary>
    ProgrammeEndBeforeStart,

    /// <summary>A programme's start or end year lies outside the masterplan period (bounds included in the period). {0} programme name, {1} start year, {2} end year, {3} period start, {4} period end.</summary>
    ProgrammeYearsOutsidePeriod,

    /// <summary>A quick win starts after the first two years of the period. {0} quick-win name, {1} its start date, {2} the last allowed start date.</summary>
    QuickWinStartsLate,

    /// <summary>No signatory of the joint commitment. No arguments.</summary>
    NoSignatories,
}

/// <summary>
/// One finding of <see cref="MasterplanCompleteness.Check"/>.
/// <see cref="Subject"/> is the dimension code, programme name or quick-win name the finding is about;
/// <see cref="SubjectId"/> the dimension, programme or quick-win id (to link or anchor the finding).
/// </summary>
public sealed record CompletenessIssue(CompletenessRule Rule, string? Subject = null, int? SubjectId = null)
{
    /// <summary>The format arguments of the <c>Completeness.{Rule}</c> message, as documented on <see cref="CompletenessRule"/>.</summary>
    public IReadOnlyList<object> Arguments { get; init; } = [];

    /// <summary>For <see cref="CompletenessRule.ReadinessIncomplete"/>: the components without a grade, in enum order.</summary>
    public IReadOnlyList<ReadinessComponent> Components { get; init; } = [];
}

/// <summary>A quick win linked to one of the plan's programmes, as far as completeness needs it (callers project it).</summary>
public sealed record PlanQuickWin(int Id, string Name, int? ProgrammeId, DateOnly StartDate);

/// <summary>The completeness rules of a masterplan before submission (pure; no database).</summary>
public static class MasterplanCompleteness
{
    /// <summary>Quick wins must start within this many years from the start of the period.</summary>
    public const int QuickWinYears = 2;

    /// <summary>The last day a quick win of a plan starting in <paramref name="startYear"/> may start: 31 December of the second year.</summary>
    public static DateOnly LastQuickWinStart(int startYear) => new(startYear + QuickWinYears - 1, 12, 31);

    /// <summary>
    /// Lists what is missing or inconsistent in <paramref name="plan"/>, block by block.
    /// Uses the plan's <see cref="Masterplan.Readiness"/>, <see cref="Masterplan.Goals"/>, <see cref="Masterplan.Strategies"/>,
    /// <see cref="Masterplan.Programmes"/> and <see cref="Masterplan.Signatories"/>, which must be loaded.
    /// </summary>
    /// <param name="plan">The working copy with its parts.</param>
    /// <param name="dimensionCodes">The dimensions every plan must cover: dimension id → code (e.g. GOV). Listed in the official order of <see cref="DimensionCodes.All"/>.</param>
    /// <param name="quickWins">The quick wins linked to the plan's programmes (the caller decides which count, e.g. not archived);
    /// quick wins whose <see cref="PlanQuickWin.ProgrammeId"/> is not one of the plan's programmes are ignored.</param>
    public static IReadOnlyList<CompletenessIssue> Check(
        Masterplan plan,
        IReadOnlyDictionary<int, string> dimensionCodes,
        IReadOnlyCollection<PlanQuickWin> quickWins)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(dimensionCodes);
        ArgumentNullException.ThrowIfNull(quickWins);

        var issues = new List<CompletenessIssue>();

        if (!MasterplanPeriod.IsValid(plan.StartYear, plan.EndYear))
        {
            issues.Add(new(CompletenessRule.PeriodInvalid)
            {
                Arguments = [plan.StartYear, plan.EndYear, MasterplanPeriod.MinYears, MasterplanPeriod.MaxYears],
            });
        }

        if (string.IsNullOrWhiteSpace(plan.RpjmdTitle) || plan.RpjmdStartYear <= 0 || plan.RpjmdEndYear <= 0)
        {
            issues.Add(new(CompletenessRule.RpjmdMissing));
        }
        else if (plan.RpjmdEndYear < plan.RpjmdStartYear)
        {
            issues.Add(new(CompletenessRule.RpjmdPeriodInvalid) { Arguments = [plan.RpjmdStartYear, plan.RpjmdEndYear] });
        }

        var unrated = Enum.GetValues<ReadinessComponent>()
            .Where(c =>
            {
                var rows = plan.Readiness.Where(r => r.Component == c).ToList();
                return rows.Count == 0 || rows.Any(r => r.Grade is null);
            })
            .ToList();
        if (unrated.Count > 0)
        {
            issues.Add(new(CompletenessRule.ReadinessIncomplete) { Arguments = [unrated.Count], Components = unrated });
        }

        if (string.IsNullOrWhiteSpace(plan.Vision))
        {
            issues.Add(new(CompletenessRule.EmptyVision));
        }

        if (string.IsNullOrWhiteSpace(plan.Missions))
        {
            issues.Add(new(CompletenessRule.NoMissions));
        }

        if (!plan.Goals.Any(g => !string.IsNullOrWhiteSpace(g.Text)))
        {
            issues.Add(new(CompletenessRule.NoGoals));
        }

        var dimensions = dimensionCodes
            .OrderBy(d => OfficialOrder(d.Value))
            .ThenBy(d => d.Value, StringComparer.Ordinal)
            .ToList();
        foreach (var (id, code) in dimensions)
        {
            if (!plan.Strategies.Any(s => s.DimensionId == id && !string.IsNullOrWhiteSpace(s.Text)))
            {
                issues.Add(new(CompletenessRule.DimensionWithoutStrategy, code, id) { Arguments = [code] });
            }
        }

        foreach (var (id, code) in dimensions)
        {
            if (!plan.Programmes.Any(p => p.DimensionId == id))
            {
                issues.Add(new(CompletenessRule.DimensionWithoutProgramme, code, id) { Arguments = [code] });
            }
        }

        foreach (var p in plan.Programmes.OrderBy(p => p.SortOrder).ThenBy(p => p.Name, StringComparer.CurrentCulture))
        {
            if (p.EndYear < p.StartYear)
            {
                issues.Add(new(CompletenessRule.ProgrammeEndBeforeStart, p.Name, p.Id) { Arguments = [p.Name, p.StartYear, p.EndYear] });
            }

            if (!InPeriod(plan, p.StartYear) || !InPeriod(plan, p.EndYear))
            {
                issues.Add(new(CompletenessRule.ProgrammeYearsOutsidePeriod, p.Name, p.Id)
                {
                    Arguments = [p.Name, p.StartYear, p.EndYear, plan.StartYear, plan.EndYear],
                });
            }
        }

        var lastStart = LastQuickWinStart(plan.StartYear);
        var programmeIds = plan.Programmes.Select(p => p.Id).ToHashSet();
        foreach (var q in quickWins.Where(q => q.ProgrammeId is { } pid && programmeIds.Contains(pid) && q.StartDate > lastStart).OrderBy(q => q.StartDate).ThenBy(q => q.Name, StringComparer.CurrentCulture))
        {
            issues.Add(new(CompletenessRule.QuickWinStartsLate, q.Name, q.Id) { Arguments = [q.Name, q.StartDate, lastStart] });
        }

        if (plan.Signatories.Count == 0)
        {
            issues.Add(new(CompletenessRule.NoSignatories));
        }

        return issues;
    }

    /// <summary>True when <see cref="Check"/> finds nothing.</summary>
    public static bool IsComplete(
        Masterplan plan,
        IReadOnlyDictionary<int, string> dimensionCodes,
        IReadOnlyCollection<PlanQuickWin> quickWins) => Check(plan, dimensionCodes, quickWins).Count == 0;

    private static bool InPeriod(Masterplan plan, int year) => year >= plan.StartYear && year <= plan.EndYear;

    private static int OfficialOrder(string code)
    {
        for (var i = 0; i < DimensionCodes.All.Count; i++)
        {
            if (DimensionCodes.All[i] == code)
            {
                return i;
            }
        }

        return int.MaxValue;
    }
}
