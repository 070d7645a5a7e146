using FluentValidation;
using Microsoft.Extensions.Localization;
using SmartCity.Domain.Common;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.QuickWins;

/// <summary>A KPI's value in a report (null: not measured this period).</summary>
public sealed class KpiActualInput
{
    public int KpiId { get; set; }
    public string Name { get; set; } = "";
    public string Unit { get; set; } = "";
    public decimal? Value { get; set; }
}

/// <summary>A progress report as the form edits it.</summary>
public sealed class ReportInput
{
    /// <summary><c>YYYY-MM</c> or <c>YYYY-Qn</c>, the regency's kind.</summary>
    public string Period { get; set; } = "";
    public decimal? Percent { get; set; }
    public string? Narrative { get; set; }
    public string? Obstacles { get; set; }
    public List<KpiActualInput> Actuals { get; set; } = [];
    public uint Version { get; set; }
}

public sealed class ReportInputValidator : AbstractValidator<ReportInput>
{
    /// <summary>Rules that only apply when the report is submitted (a draft may be incomplete).</summary>
    public const string Submit = "Submit";

    public ReportInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Period).NotEmpty().WithMessage(l["Validation.Required"])
            .Must(p => ReportingPeriod.TryParse(p, out _)).When(x => !string.IsNullOrEmpty(x.Period), ApplyConditionTo.CurrentValidator).WithMessage(l["Report.PeriodFormat"]);
        RuleFor(x => x.Percent).NotNull().WithMessage(l["Validation.Required"])
            .InclusiveBetween(0, 100).WithMessage(l["Report.PercentRange"])
            .Must(p => p is null || decimal.Round(p.Value, 2) == p.Value).WithMessage(l["Report.PercentDecimals"]);
        RuleFor(x => x.Narrative).MaximumLength(TextLimits.Text).WithMessage(QuickWinInputValidator.MaxLength(l, TextLimits.Text));
        RuleFor(x => x.Obstacles).MaximumLength(TextLimits.Text).WithMessage(QuickWinInputValidator.MaxLength(l, TextLimits.Text));
        RuleForEach(x => x.Actuals).ChildRules(a => a.RuleFor(x => x.Value)
            .InclusiveBetween(-KpiInputValidator.MaxValue, KpiInputValidator.MaxValue).WithMessage(l["Validation.NumberTooLarge"]));
        RuleSet(Submit, () => RuleFor(x => x.Narrative).NotEmpty().WithMessage(l["Report.NarrativeRequired"]));
    }
}

/// <summary>The reason a verifier gives when returning a report.</summary>
public sealed class ReturnInput
{
    public string Reason { get; set; } = "";
    public uint Version { get; set; }
}

public sealed class ReturnInputValidator : AbstractValidator<ReturnInput>
{
    public ReturnInputValidator(IStringLocalizer<SharedResource> l) =>
        RuleFor(x => x.Reason).NotEmpty().WithMessage(l["Validation.Required"])
            .MaximumLength(TextLimits.Note).WithMessage(QuickWinInputValidator.MaxLength(l, TextLimits.Note));
}
