using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using SmartCity.Domain.Assessments;
using SmartCity.Domain.Common;
using SmartCity.Web.Features.QuickWins;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.Assessments;

/// <summary>A round's frame as the admin edits it: dates are WIB calendar dates (DateTime for the date pickers).</summary>
public sealed class RoundInput
{
    public string Name { get; set; } = "";
    public RoundKind Kind { get; set; } = RoundKind.YearlyEvaluation;
    public int Year { get; set; }
    public DateTime? SelfAssessmentOpensOn { get; set; }
    public DateTime? ScoringOpensOn { get; set; }
    public DateTime? ReconciliationOpensOn { get; set; }
    public DateTime? FinalisesOn { get; set; }

    /// <summary>The template copied into the round when it is created (ignored on update).</summary>
    public int? TemplateId { get; set; }
    public uint Version { get; set; }

    internal static DateOnly? Day(DateTime? value) => value is { } d ? DateOnly.FromDateTime(d) : null;
}

public sealed class RoundInputValidator : AbstractValidator<RoundInput>
{
    public RoundInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(l["Validation.Required"])
            .MaximumLength(TextLimits.Name).WithMessage(QuickWinInputValidator.MaxLength(l, TextLimits.Name));
        RuleFor(x => x.Kind).IsInEnum().WithMessage(l["Validation.Choose"]);
        RuleFor(x => x.Year).InclusiveBetween(2017, 2100).WithMessage(l["Round.YearRange"]);
        RuleFor(x => x.SelfAssessmentOpensOn).NotNull().WithMessage(l["Validation.Required"]);
        RuleFor(x => x.ScoringOpensOn).NotNull().WithMessage(l["Validation.Required"]);
        RuleFor(x => x.ReconciliationOpensOn).NotNull().WithMessage(l["Validation.Required"]);
        RuleFor(x => x.FinalisesOn).NotNull().WithMessage(l["Validation.Required"]);
        RuleFor(x => x.FinalisesOn)
            .Must((x, _) => RoundCalendar.DatesInOrder(
                RoundInput.Day(x.SelfAssessmentOpensOn), RoundInput.Day(x.ScoringOpensOn), RoundInput.Day(x.ReconciliationOpensOn), RoundInput.Day(x.FinalisesOn)))
            .When(x => x.SelfAssessmentOpensOn is not null && x.ScoringOpensOn is not null && x.ReconciliationOpensOn is not null && x.FinalisesOn is not null)
            .WithMessage(l["Round.DatesOutOfOrder"]);
    }
}

/// <summary>A criterion row of the instrument grid.</summary>
public sealed class CriterionInput
{
    public string Code { get; set; } = "";
    public string NameId { get; set; } = "";
    public string NameEn { get; set; } = "";
    public decimal? Weight { get; set; }
    public bool PerDimension { get; set; }
    public int SortOrder { get; set; }
}

/// <summary>A predicate band: min inclusive, max exclusive (empty for the top band).</summary>
public sealed class BandInput
{
    public string Name { get; set; } = "";
    public decimal? MinInclusive { get; set; }
    public decimal? MaxExclusive { get; set; }
}

/// <summary>An instrument as its editor changes it: scale, threshold, criteria and bands, saved together.</summary>
public sealed class InstrumentInput
{
    public string Name { get; set; } = "";
    public decimal? ScaleMin { get; set; } = 1;
    public decimal? ScaleMax { get; set; } = 5;
    public decimal? DivergenceThreshold { get; set; } = 1;
    public List<CriterionInput> Criteria { get; set; } = [];
    public List<BandInput> Bands { get; set; } = [];
    public uint Version { get; set; }

    public decimal TotalWeight => Criteria.Sum(c => c.Weight ?? 0);

    public static InstrumentInput From(InstrumentDetail instrument)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        return new()
        {
            Name = instrument.Name,
            ScaleMin = instrument.ScaleMin,
            ScaleMax = instrument.ScaleMax,
            DivergenceThreshold = instrument.DivergenceThreshold,
            Version = instrument.Version,
            Criteria = instrument.Criteria.Select(c => new CriterionInput
            {
                Code = c.Code,
                NameId = c.NameId,
                NameEn = c.NameEn,
                Weight = c.Weight,
                PerDimension = c.PerDimension,
                SortOrder = c.SortOrder,
            }).ToList(),
            Bands = instrument.Bands.Select(b => new BandInput { Name = b.Name, MinInclusive = b.MinInclusive, MaxExclusive = b.MaxExclusive }).ToList(),
        };
    }
}

public sealed class InstrumentInputValidator : AbstractValidator<InstrumentInput>
{
    public InstrumentInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(l["Validation.Required"])
            .MaximumLength(TextLimits.Name).WithMessage(QuickWinInputValidator.MaxLength(l, TextLimits.Name));
        RuleFor(x => x.ScaleMin).NotNull().WithMessage(l["Validation.Required"])
            .InclusiveBetween(0, 10).WithMessage(l["Instrument.ScaleRange"]);
        RuleFor(x => x.ScaleMax).NotNull().WithMessage(l["Validation.Required"])
            .InclusiveBetween(0, 10).WithMessage(l["Instrument.ScaleRange"])
            .Must((x, max) => x.ScaleMin is null || max is null || x.ScaleMin < max).WithMessage(l["Instrument.ScaleOrder"]);
        RuleFor(x => x.DivergenceThreshold).NotNull().WithMessage(l["Validation.Required"])
            .GreaterThan(0).WithMessage(l["Instrument.ThresholdPositive"])
            .LessThanOrEqualTo(10).WithMessage(l["Instrument.ThresholdPositive"]);
        RuleFor(x => x.Criteria).NotEmpty().WithMessage(l["Instrument.NoCriteria"]);
        RuleFor(x => x.Criteria)
            .Must(c => Scoring.WeightsTotal100(c.Select(x => x.Weight ?? 0)))
            .When(x => x.Criteria.Count > 0)
            .WithMessage(x => string.Format(CultureInfo.CurrentCulture, l["Instrument.WeightsTotal"], x.TotalWeight.ToString("0.##", CultureInfo.CurrentCulture)));
        RuleFor(x => x.Criteria)
            .Must(c => c.Select(x => x.Code.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() == c.Count)
            .WithMessage(l["Instrument.DuplicateCode"]);
        RuleForEach(x => x.Criteria).ChildRules(c =>
        {
            c.RuleFor(x => x.Code).NotEmpty().WithMessage(l["Validation.Required"])
                .MaximumLength(TextLimits.Code).WithMessage(QuickWinInputValidator.MaxLength(l, TextLimits.Code));
            c.RuleFor(x => x.NameId).NotEmpty().WithMessage(l["Validation.Required"])
                .MaximumLength(TextLimits.Reference).WithMessage(QuickWinInputValidator.MaxLength(l, TextLimits.Reference));
            c.RuleFor(x => x.NameEn).NotEmpty().WithMessage(l["Validation.Required"])
                .MaximumLength(TextLimits.Reference).WithMessage(QuickWinInputValidator.MaxLength(l, TextLimits.Reference));
            c.RuleFor(x => x.Weight).NotNull().WithMessage(l["Validation.Required"])
                .GreaterThan(0).WithMessage(l["Instrument.WeightRange"])
                .LessThanOrEqualTo(100).WithMessage(l["Instrument.WeightRange"]);
        });
        RuleFor(x => x.Bands).NotEmpty().WithMessage(l["Instrument.NoBands"]);
        RuleForEach(x => x.Bands).ChildRules(b =>
        {
            b.RuleFor(x => x.Name).NotEmpty().WithMessage(l["Validation.Required"])
                .MaximumLength(TextLimits.ShortName).WithMessage(QuickWinInputValidator.MaxLength(l, TextLimits.ShortName));
            b.RuleFor(x => x.MinInclusive).NotNull().WithMessage(l["Validation.Required"]);
            b.RuleFor(x => x.MaxExclusive)
                .Must((x, max) => max is null || x.MinInclusive is null || max > x.MinInclusive).WithMessage(l["Instrument.BandOrder"]);
        });
        RuleFor(x => x.Bands)
            .Must((x, bands) => BandsFit(bands, x.ScaleMax))
            .When(x => x.Bands.Count > 0 && x.Bands.All(b => b.MinInclusive is not null && (b.MaxExclusive is null || b.MaxExclusive > b.MinInclusive)))
            .WithMessage(l["Instrument.BandsOverlap"]);
        RuleFor(x => x.Bands)
            .Must(b => b.Select(x => x.Name.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() == b.Count)
            .WithMessage(l["Instrument.DuplicateBand"]);
    }

    /// <summary>Bands do not overlap, lie within 0 … scale maximum, and only the top band may be open-ended.</summary>
    internal static bool BandsFit(IEnumerable<BandInput> bands, decimal? scaleMax)
    {
        var sorted = bands.OrderBy(b => b.MinInclusive).ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            var band = sorted[i];
            if (band.MinInclusive < 0 || (scaleMax is { } max && (band.MinInclusive > max || band.MaxExclusive > max)))
            {
                return false;
            }

            if (i < sorted.Count - 1 && (band.MaxExclusive is null || band.MaxExclusive > sorted[i + 1].MinInclusive))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>An assessor's declaration of a conflict of interest with a regency.</summary>
public sealed class ConflictInput
{
    public int? RegencyId { get; set; }
    public string Reason { get; set; } = "";
}

public sealed class ConflictInputValidator : AbstractValidator<ConflictInput>
{
    public ConflictInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.RegencyId).NotNull().WithMessage(l["Validation.Choose"]);
        RuleFor(x => x.Reason).NotEmpty().WithMessage(l["Validation.Required"])
            .MaximumLength(TextLimits.Note).WithMessage(QuickWinInputValidator.MaxLength(l, TextLimits.Note));
    }
}
