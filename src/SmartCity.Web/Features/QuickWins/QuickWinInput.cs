using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using SmartCity.Domain.Common;
using SmartCity.Domain.QuickWins;
using SmartCity.Web.Common;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.QuickWins;

/// <summary>The register fields of a quick win, as the form edits them (dates as DateTime for the date pickers).</summary>
public sealed class QuickWinInput
{
    public string Name { get; set; } = "";
    public string? Acronym { get; set; }
    public string? Description { get; set; }
    public int? DimensionId { get; set; }
    public int? ElementId { get; set; }
    public int? OwnerUnitId { get; set; }
    public int? ProgrammeId { get; set; }
    public DateTime? StartDate { get; set; }
    public DateTime? TargetDate { get; set; }
    public decimal? Budget { get; set; }
    public string? BudgetSource { get; set; }
    public QuickWinKind Kind { get; set; }
    public QuickWinStatus Status { get; set; }
    public uint Version { get; set; }
}

public sealed class QuickWinInputValidator : AbstractValidator<QuickWinInput>
{
    /// <summary>The largest budget accepted: numeric(18,2) in the database.</summary>
    public const decimal MaxBudget = 9_999_999_999_999_999m;

    public QuickWinInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(l["Validation.Required"])
            .MaximumLength(TextLimits.Name).WithMessage(MaxLength(l, TextLimits.Name));
        RuleFor(x => x.Acronym).MaximumLength(TextLimits.ShortName).WithMessage(MaxLength(l, TextLimits.ShortName));
        RuleFor(x => x.Description).MaximumLength(TextLimits.Text).WithMessage(MaxLength(l, TextLimits.Text));
        RuleFor(x => x.BudgetSource).MaximumLength(TextLimits.Name).WithMessage(MaxLength(l, TextLimits.Name));
        RuleFor(x => x.DimensionId).NotNull().WithMessage(l["Validation.Choose"]);
        RuleFor(x => x.StartDate).NotNull().WithMessage(l["Validation.Required"]);
        RuleFor(x => x.TargetDate).NotNull().WithMessage(l["Validation.Required"])
            .Must((x, target) => target is null || x.StartDate is null || target.Value.Date >= x.StartDate.Value.Date)
            .WithMessage(l["QuickWin.TargetBeforeStart"]);
        RuleFor(x => x.Budget).NotNull().WithMessage(l["Validation.Required"])
            .InclusiveBetween(0, MaxBudget).WithMessage(l["QuickWin.BudgetRange"]);
        RuleFor(x => x.Kind).IsInEnum().WithMessage(l["Validation.Choose"]);
        RuleFor(x => x.Status).IsInEnum().WithMessage(l["Validation.Choose"]);
    }

    internal static string MaxLength(IStringLocalizer<SharedResource> l, int max) =>
        string.Format(CultureInfo.CurrentCulture, l["Validation.MaxLength"], max);
}

/// <summary>A weighted milestone; weights are any positive numbers (DOMAIN.md).</summary>
public sealed class MilestoneInput
{
    public string Name { get; set; } = "";
    public decimal? Weight { get; set; }
    public DateTime? DueDate { get; set; }
    public DateTime? DoneDate { get; set; }
    public uint Version { get; set; }
}

public sealed class MilestoneInputValidator : AbstractValidator<MilestoneInput>
{
    public const decimal MaxWeight = 1_000_000m;

    public MilestoneInputValidator(IStringLocalizer<SharedResource> l, ProgrammeClock clock)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(l["Validation.Required"])
            .MaximumLength(TextLimits.Name).WithMessage(QuickWinInputValidator.MaxLength(l, TextLimits.Name));
        RuleFor(x => x.Weight).NotNull().WithMessage(l["Validation.Required"])
            .GreaterThan(0).WithMessage(l["Milestone.WeightPositive"])
            .LessThanOrEqualTo(MaxWeight).WithMessage(l["Milestone.WeightPositive"]);

        // "Done" is a fact: not later than today anywhere in Indonesia (WIT is the furthest ahead).
        RuleFor(x => x.DoneDate)
            .Must(d => d is null || DateOnly.FromDateTime(d.Value) <= clock.GetUtcNow().DateIn(IndonesianTimeZone.Wit))
            .WithMessage(l["Milestone.DoneInFuture"]);
    }
}

public sealed class KpiInput
{
    public string Name { get; set; } = "";
    public string Unit { get; set; } = "";
    public decimal? Baseline { get; set; }
    public decimal? Target { get; set; }
    public uint Version { get; set; }
}

public sealed class KpiInputValidator : AbstractValidator<KpiInput>
{
    public const decimal MaxValue = 999_999_999_999m;

    public KpiInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(l["Validation.Required"])
            .MaximumLength(TextLimits.Name).WithMessage(QuickWinInputValidator.MaxLength(l, TextLimits.Name));
        RuleFor(x => x.Unit).NotEmpty().WithMessage(l["Validation.Required"])
            .MaximumLength(TextLimits.ShortName).WithMessage(QuickWinInputValidator.MaxLength(l, TextLimits.ShortName));
        RuleFor(x => x.Baseline).NotNull().WithMessage(l["Validation.Required"])
            .InclusiveBetween(-MaxValue, MaxValue).WithMessage(l["Validation.NumberTooLarge"]);
        RuleFor(x => x.Target).NotNull().WithMessage(l["Validation.Required"])
            .InclusiveBetween(-MaxValue, MaxValue).WithMessage(l["Validation.NumberTooLarge"]);
    }
}
