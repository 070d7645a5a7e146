using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using SmartCity.Domain.Common;
using SmartCity.Domain.Masterplans;
using SmartCity.Web.Common;
using SmartCity.Web.Features.QuickWins;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.Masterplans;

/// <summary>A masterplan's frame: title, period and the RPJMD it rests on (create, and edit while drafting).</summary>
public sealed class MasterplanInput
{
    public string Title { get; set; } = "";
    public int? StartYear { get; set; }
    public int? EndYear { get; set; }
    public string? RpjmdTitle { get; set; }
    public int? RpjmdStartYear { get; set; }
    public int? RpjmdEndYear { get; set; }
    public uint Version { get; set; }
}

public sealed class MasterplanInputValidator : AbstractValidator<MasterplanInput>
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    public MasterplanInputValidator(IStringLocalizer<SharedResource> l)
    {
        var between = string.Format(CultureInfo.CurrentCulture, l["Validation.Between"], FirstYear, LastYear);
        RuleFor(x => x.Title).NotEmpty().WithMessage(l["Validation.Required"])
            .MaximumLength(TextLimits.Reference).WithMessage(QuickWinInputValidator.MaxLength(l, TextLimits.Reference));
        RuleFor(x => x.StartYear).NotNull().WithMessage(l["Validation.Required"]).InclusiveBetween(FirstYear, LastYear).WithMessage(between);
        RuleFor(x => x.EndYear).NotNull().WithMessage(l["Validation.Required"]).InclusiveBetween(FirstYear, LastYear).WithMessage(between)
            .Must((x, end) => end is null || x.StartYear is null || MasterplanPeriod.IsValid(x.StartYear.Value, end.Value))
            .WithMessage(string.Format(CultureInfo.CurrentCulture, l["Masterplan.PeriodLength"], MasterplanPeriod.MinYears, MasterplanPeriod.MaxYears));
        RuleFor(x => x.RpjmdTitle).NotEmpty().WithMessage(l["Validation.Required"])
            .MaximumLength(TextLimits.Reference).WithMessage(QuickWinInputValidator.MaxLength(l, TextLimits.Reference));
        RuleFor(x => x.RpjmdStartYear).NotNull().WithMessage(l["Validation.Required"]).InclusiveBetween(FirstYear, LastYear).WithMessage(between);
        RuleFor(x => x.RpjmdEndYear).NotNull().WithMessage(l["Validation.Required"]).InclusiveBetween(FirstYear, LastYear).WithMessage(between)
            .Must((x, end) => end is null || x.RpjmdStartYear is null || end > x.RpjmdStartYear).WithMessage(l["Masterplan.RpjmdEndAfterStart"]);
    }
}

/// <summary>
/// The texts of one text block (analysis: gap and SWOT; vision: vision and missions; strategy:{code}: one dimension's strategy).
/// <see cref="Base"/> holds the texts as the planner loaded them, so a save conflicts only when someone else changed this block.
/// </summary>
public sealed class TextBlockInput
{
    public string Block { get; set; } = "";
    public Dictionary<string, string?> Fields { get; set; } = [];
    public Dictionary<string, string?> Base { get; set; } = [];
    public uint Version { get; set; }
}

/// <summary>The fields of each text block and their maximum lengths.</summary>
public static class TextBlocks
{
    public const string GapAnalysis = nameof(Masterplan.GapAnalysis);
    public const string Strengths = nameof(Masterplan.Strengths);
    public const string Weaknesses = nameof(Masterplan.Weaknesses);
    public const string Opportunities = nameof(Masterplan.Opportunities);
    public const string Threats = nameof(Masterplan.Threats);
    public const string Vision = nameof(Masterplan.Vision);
    public const string Missions = nameof(Masterplan.Missions);
    public const string Strategy = "Strategy";

    /// <summary>Field → maximum length of a block; empty for an unknown block.</summary>
    public static IReadOnlyDictionary<string, int> FieldsOf(string block) => block switch
    {
        MasterplanBlocks.Analysis => new Dictionary<string, int>
        {
            [GapAnalysis] = TextLimits.LongText,
            [Strengths] = TextLimits.Text,
            [Weaknesses] = TextLimits.Text,
            [Opportunities] = TextLimits.Text,
            [Threats] = TextLimits.Text,
        },
        MasterplanBlocks.Vision => new Dictionary<string, int> { [Vision] = TextLimits.Text, [Missions] = TextLimits.Text },
        _ when DimensionOf(block) is not null => new Dictionary<string, int> { [Strategy] = TextLimits.LongText },
        _ => new Dictionary<string, int>(),
    };

    /// <summary>The dimension code of a <c>strategy:{code}</c> block, else null.</summary>
    public static string? DimensionOf(string block) =>
        block.StartsWith(MasterplanBlocks.Strategy + ":", StringComparison.Ordinal) && MasterplanBlocks.IsAnchor(block)
            ? block[(MasterplanBlocks.Strategy.Length + 1)..]
            : null;
}

public sealed class TextBlockInputValidator : AbstractValidator<TextBlockInput>
{
    public TextBlockInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Block).Must(b => TextBlocks.FieldsOf(b).Count > 0).WithMessage(l["Validation.Choose"]);
        RuleFor(x => x.Fields).Custom((fields, context) =>
        {
            var limits = TextBlocks.FieldsOf(context.InstanceToValidate.Block);
            foreach (var (field, text) in fields)
            {
                if (!limits.TryGetValue(field, out var max))
                {
                    context.AddFailure(field, l["Validation.Choose"]);
                }
                else if (text?.Length > max)
                {
                    context.AddFailure(field, QuickWinInputValidator.MaxLength(l, max));
                }
            }
        });
    }
}

/// <summary>The readiness grid: a grade and notes per component, with the values the planner loaded (<see cref="Base"/>) for conflicts.</summary>
public sealed class ReadinessInput
{
    public List<ReadinessCell> Cells { get; set; } = [];
    public List<ReadinessCell> Base { get; set; } = [];
}

public sealed class ReadinessCell
{
    public ReadinessComponent Component { get; set; }
    public ReadinessGrade? Grade { get; set; }
    public string? Notes { get; set; }
}

public sealed class ReadinessInputValidator : AbstractValidator<ReadinessInput>
{
    public ReadinessInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Cells).Must(c => c.Select(x => x.Component).Distinct().Count() == c.Count).WithMessage(l["Validation.Choose"]);
        RuleForEach(x => x.Cells).ChildRules(cell =>
        {
            cell.RuleFor(c => c.Component).IsInEnum().WithMessage(l["Validation.Choose"]);
            cell.RuleFor(c => c.Grade).IsInEnum().WithMessage(l["Validation.Choose"]);
            cell.RuleFor(c => c.Notes).MaximumLength(TextLimits.Note).WithMessage(QuickWinInputValidator.MaxLength(l, TextLimits.Note));
        });
    }
}

/// <summary>A goal (sasaran) of one dimension with its indicator, baseline and target.</summary>
public sealed class GoalInput
{
    public int? DimensionId { get; set; }
    public string Text { get; set; } = "";
    public string? Indicator { get; set; }
    public decimal? Baseline { get; set; }
    public decimal? Target { get; set; }
    public uint Version { get; set; }
}

public sealed class GoalInputValidator : AbstractValidator<GoalInput>
{
    public const decimal MaxValue = 1_000_000_000_000m;

    public GoalInputValidator(IStringLocalizer<SharedResource> l)
    {
        var range = string.Format(CultureInfo.CurrentCulture, l["Validation.Between"], 0, Format(MaxValue));
        RuleFor(x => x.DimensionId).NotNull().WithMessage(l["Validation.Choose"]);
        RuleFor(x => x.Text).NotEmpty().WithMessage(l["Validation.Required"])
            .MaximumLength(TextLimits.Note).WithMessage(QuickWinInputValidator.MaxLength(l, TextLimits.Note));
        RuleFor(x => x.Indicator).NotEmpty().WithMessage(l["Validation.Required"])
            .MaximumLength(TextLimits.Reference).WithMessage(QuickWinInputValidator.MaxLength(l, TextLimits.Reference));
        RuleFor(x => x.Baseline).InclusiveBetween(0, MaxValue).WithMessage(range);
        RuleFor(x => x.Target).NotNull().WithMessage(l["Validation.Required"]).InclusiveBetween(0, MaxValue).WithMessage(range);
    }

    private static string Format(decimal value) => value.ToString("N0", CultureInfo.CurrentCulture);
}

/// <summary>A signatory of the joint commitment.</summary>
public sealed class SignatoryInput
{
    public string Name { get; set; } = "";
    public string Position { get; set; } = "";
    public string? Institution { get; set; }
    public DateTime? SignedOn { get; set; }
    public uint Version { get; set; }
}

public sealed class SignatoryInputValidator : AbstractValidator<SignatoryInput>
{
    public SignatoryInputValidator(IStringLocalizer<SharedResource> l, ProgrammeClock clock)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(l["Validation.Required"])
            .MaximumLength(TextLimits.Name).WithMessage(QuickWinInputValidator.MaxLength(l, TextLimits.Name));
        RuleFor(x => x.Position).NotEmpty().WithMessage(l["Validation.Required"])
            .MaximumLength(TextLimits.Name).WithMessage(QuickWinInputValidator.MaxLength(l, TextLimits.Name));
        RuleFor(x => x.Institution).MaximumLength(TextLimits.Name).WithMessage(QuickWinInputValidator.MaxLength(l, TextLimits.Name));

        // Signing is a fact: not later than today anywhere in Indonesia (WIT is the furthest ahead).
        RuleFor(x => x.SignedOn)
            .Must(d => d is null || DateOnly.FromDateTime(d.Value) <= clock.GetUtcNow().DateIn(IndonesianTimeZone.Wit))
            .WithMessage(l["Signatory.SignedInFuture"]);
    }
}

/// <summary>A review comment or an answer to one.</summary>
public sealed class CommentInput
{
    public string Anchor { get; set; } = MasterplanBlocks.Vision;
    public string Text { get; set; } = "";
    public int? ParentId { get; set; }
}

public sealed class CommentInputValidator : AbstractValidator<CommentInput>
{
    public CommentInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Anchor).Must(MasterplanBlocks.IsAnchor).WithMessage(l["Validation.Choose"]);
        RuleFor(x => x.Text).NotEmpty().WithMessage(l["Validation.Required"])
            .MaximumLength(TextLimits.Note).WithMessage(QuickWinInputValidator.MaxLength(l, TextLimits.Note));
    }
}
