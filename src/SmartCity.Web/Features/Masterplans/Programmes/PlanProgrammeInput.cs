using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using SmartCity.Domain.Common;
using SmartCity.Domain.Masterplans;
using SmartCity.Domain.QuickWins;
using SmartCity.Web.Features.QuickWins;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.Masterplans.Programmes;

/// <summary>
/// A programme of the masterplan's action plan (block 4), as the programme dialog edits it, with its KPIs.
/// Named PlanProgramme because "Programme" is the regency's stage in the national programme.
/// </summary>
public sealed class PlanProgrammeInput
{
    public string Name { get; set; } = "";
    public int? DimensionId { get; set; }
    public int? ElementId { get; set; }
    public int? OwnerUnitId { get; set; }
    public Horizon Horizon { get; set; }
    public int? StartYear { get; set; }
    public int? EndYear { get; set; }
    public decimal? BudgetEstimate { get; set; }
    public string? BudgetSource { get; set; }
    public string? RpjmdReference { get; set; }
    public int? GoalId { get; set; }
    public List<PlanProgrammeKpiInput> Kpis { get; set; } = [];

    /// <summary>The programme's row version (xmin) as the planner loaded it.</summary>
    public uint Version { get; set; }

    /// <summary>The input of a saved programme, for editing.</summary>
    public static PlanProgrammeInput From(ProgrammeRow row) => new()
    {
        Name = row.Name,
        DimensionId = row.DimensionId,
        ElementId = row.ElementId,
        OwnerUnitId = row.OwnerUnitId,
        Horizon = row.Horizon,
        StartYear = row.StartYear,
        EndYear = row.EndYear,
        BudgetEstimate = row.BudgetEstimate,
        BudgetSource = row.BudgetSource,
        RpjmdReference = row.RpjmdReference,
        GoalId = row.GoalId,
        Kpis = row.Kpis.Select(k => new PlanProgrammeKpiInput { Name = k.Name, Unit = k.Unit, Baseline = k.Baseline, Target = k.Target }).ToList(),
        Version = row.Version,
    };
}

/// <summary>A KPI of a masterplan programme: what it measures, its unit, baseline and target.</summary>
public sealed class PlanProgrammeKpiInput
{
    public string Name { get; set; } = "";
    public string? Unit { get; set; }
    public decimal? Baseline { get; set; }
    public decimal? Target { get; set; }
}

public sealed class PlanProgrammeInputValidator : AbstractValidator<PlanProgrammeInput>
{
    /// <summary>The largest KPI value accepted (numeric(18,2) in the database has room for more).</summary>
    public const decimal MaxKpiValue = 999_999_999_999m;

    /// <summary>At most this many KPIs per programme.</summary>
    public const int MaxKpis = 20;

    public PlanProgrammeInputValidator(IStringLocalizer<SharedResource> l)
    {
        var years = string.Format(CultureInfo.CurrentCulture, l["Validation.Between"], MasterplanInputValidator.FirstYear, MasterplanInputValidator.LastYear);
        RuleFor(x => x.Name).NotEmpty().WithMessage(l["Validation.Required"])
            .MaximumLength(TextLimits.Name).WithMessage(QuickWinInputValidator.MaxLength(l, TextLimits.Name));
        RuleFor(x => x.DimensionId).NotNull().WithMessage(l["Validation.Choose"]);
        RuleFor(x => x.Horizon).IsInEnum().WithMessage(l["Validation.Choose"]);
        RuleFor(x => x.StartYear).NotNull().WithMessage(l["Validation.Required"])
            .InclusiveBetween(MasterplanInputValidator.FirstYear, MasterplanInputValidator.LastYear).WithMessage(years);
        RuleFor(x => x.EndYear).NotNull().WithMessage(l["Validation.Required"])
            .InclusiveBetween(MasterplanInputValidator.FirstYear, MasterplanInputValidator.LastYear).WithMessage(years)
            .Must((x, end) => end is null || x.StartYear is null || end >= x.StartYear).WithMessage(l["PlanProgramme.EndBeforeStart"]);
        RuleFor(x => x.BudgetEstimate).InclusiveBetween(0, QuickWinInputValidator.MaxBudget).WithMessage(l["QuickWin.BudgetRange"]);
        RuleFor(x => x.BudgetSource).MaximumLength(TextLimits.Name).WithMessage(QuickWinInputValidator.MaxLength(l, TextLimits.Name));
        RuleFor(x => x.RpjmdReference).MaximumLength(TextLimits.Reference).WithMessage(QuickWinInputValidator.MaxLength(l, TextLimits.Reference));
        RuleFor(x => x.Kpis).Must(k => k.Count <= MaxKpis)
            .WithMessage(string.Format(CultureInfo.CurrentCulture, l["PlanProgramme.TooManyKpis"], MaxKpis));
        RuleForEach(x => x.Kpis).SetValidator(new PlanProgrammeKpiInputValidator(l));
    }
}

public sealed class PlanProgrammeKpiInputValidator : AbstractValidator<PlanProgrammeKpiInput>
{
    public PlanProgrammeKpiInputValidator(IStringLocalizer<SharedResource> l)
    {
        var range = string.Format(CultureInfo.CurrentCulture, l["Validation.Between"], 0, PlanProgrammeInputValidator.MaxKpiValue.ToString("N0", CultureInfo.CurrentCulture));
        RuleFor(x => x.Name).NotEmpty().WithMessage(l["Validation.Required"])
            .MaximumLength(TextLimits.Name).WithMessage(QuickWinInputValidator.MaxLength(l, TextLimits.Name));
        RuleFor(x => x.Unit).MaximumLength(TextLimits.ShortName).WithMessage(QuickWinInputValidator.MaxLength(l, TextLimits.ShortName));
        RuleFor(x => x.Baseline).InclusiveBetween(0, PlanProgrammeInputValidator.MaxKpiValue).WithMessage(range);
        RuleFor(x => x.Target).InclusiveBetween(0, PlanProgrammeInputValidator.MaxKpiValue).WithMessage(range);
    }
}

/// <summary>
/// What the planner adds when a programme becomes a quick win; name, dimension, element and OPD come from the programme.
/// The budget starts as the programme's estimate.
/// </summary>
public sealed class QuickWinFromProgrammeInput
{
    public string? Acronym { get; set; }
    public DateTime? StartDate { get; set; }
    public DateTime? TargetDate { get; set; }
    public decimal? Budget { get; set; }
    public string? BudgetSource { get; set; }
    public QuickWinKind Kind { get; set; }
}

/// <summary>The same rules as the quick-win form for the fields the planner gives.</summary>
public sealed class QuickWinFromProgrammeInputValidator : AbstractValidator<QuickWinFromProgrammeInput>
{
    public QuickWinFromProgrammeInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Acronym).MaximumLength(TextLimits.ShortName).WithMessage(QuickWinInputValidator.MaxLength(l, TextLimits.ShortName));
        RuleFor(x => x.StartDate).NotNull().WithMessage(l["Validation.Required"]);
        RuleFor(x => x.TargetDate).NotNull().WithMessage(l["Validation.Required"])
            .Must((x, target) => target is null || x.StartDate is null || target.Value.Date >= x.StartDate.Value.Date)
            .WithMessage(l["QuickWin.TargetBeforeStart"]);
        RuleFor(x => x.Budget).NotNull().WithMessage(l["Validation.Required"])
            .InclusiveBetween(0, QuickWinInputValidator.MaxBudget).WithMessage(l["QuickWin.BudgetRange"]);
        RuleFor(x => x.BudgetSource).MaximumLength(TextLimits.Name).WithMessage(QuickWinInputValidator.MaxLength(l, TextLimits.Name));
        RuleFor(x => x.Kind).IsInEnum().WithMessage(l["Validation.Choose"]);
    }
}
