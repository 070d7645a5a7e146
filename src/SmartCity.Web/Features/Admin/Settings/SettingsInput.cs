using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using SmartCity.Domain.Common;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.Admin.Settings;

/// <summary>The secretariat's settings, edited as one form.</summary>
public sealed class SettingsInput
{
    public string MinistryName { get; set; } = "";
    public string MinistryShortName { get; set; } = "";
    public string LetterheadText { get; set; } = "";
    public string SignatoryName { get; set; } = "";
    public string SignatoryNip { get; set; } = "";
    public string SignatoryPosition { get; set; } = "";
    public string LetterNumberFormat { get; set; } = "";
    public int HorizonShortYears { get; set; }
    public int HorizonMediumYears { get; set; }
    public int OverdueGraceDays { get; set; }
    public decimal EvidenceMaxMegabytes { get; set; }

    /// <summary>The newest row version among the settings when the form was loaded (xmin).</summary>
    public uint Version { get; set; }
}

public sealed class SettingsInputValidator : AbstractValidator<SettingsInput>
{
    public const string SequenceToken = "{seq}";

    public SettingsInputValidator(IStringLocalizer<SharedResource> l)
    {
        string Max(int length) => string.Format(CultureInfo.CurrentCulture, l["Validation.MaxLength"], length);
        RuleFor(x => x.MinistryName).NotEmpty().WithMessage(l["Validation.Required"]).MaximumLength(TextLimits.Name).WithMessage(Max(TextLimits.Name));
        RuleFor(x => x.MinistryShortName).NotEmpty().WithMessage(l["Validation.Required"]).MaximumLength(TextLimits.ShortName).WithMessage(Max(TextLimits.ShortName));
        RuleFor(x => x.LetterheadText).NotEmpty().WithMessage(l["Validation.Required"]).MaximumLength(TextLimits.Note).WithMessage(Max(TextLimits.Note));
        RuleFor(x => x.SignatoryName).NotEmpty().WithMessage(l["Validation.Required"]).MaximumLength(TextLimits.Name).WithMessage(Max(TextLimits.Name));
        RuleFor(x => x.SignatoryNip).Matches("^([0-9]{18})?$").WithMessage(l["Settings.NipFormat"]);
        RuleFor(x => x.SignatoryPosition).NotEmpty().WithMessage(l["Validation.Required"]).MaximumLength(TextLimits.Name).WithMessage(Max(TextLimits.Name));
        RuleFor(x => x.LetterNumberFormat).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(l["Validation.Required"])
            .MaximumLength(TextLimits.Name).WithMessage(Max(TextLimits.Name))
            .Must(f => f.Contains(SequenceToken, StringComparison.Ordinal)).WithMessage(l["Settings.NeedsSequence"]);
        RuleFor(x => x.HorizonShortYears).InclusiveBetween(1, 5).WithMessage(string.Format(CultureInfo.CurrentCulture, l["Validation.Between"], 1, 5));
        RuleFor(x => x.HorizonMediumYears).InclusiveBetween(2, 10).WithMessage(string.Format(CultureInfo.CurrentCulture, l["Validation.Between"], 2, 10))
            .GreaterThan(x => x.HorizonShortYears).WithMessage(l["Settings.MediumAfterShort"]);
        RuleFor(x => x.OverdueGraceDays).InclusiveBetween(0, 60).WithMessage(string.Format(CultureInfo.CurrentCulture, l["Validation.Between"], 0, 60));
        RuleFor(x => x.EvidenceMaxMegabytes).InclusiveBetween(1, 50).WithMessage(string.Format(CultureInfo.CurrentCulture, l["Validation.Between"], 1, 50));
    }
}
