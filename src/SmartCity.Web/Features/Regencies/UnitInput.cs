using FluentValidation;
using Microsoft.Extensions.Localization;
using SmartCity.Domain.Common;
using SmartCity.Domain.Regencies;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.Regencies;

/// <summary>The OPD form: what a user may set on a government unit.</summary>
public sealed class UnitInput
{
    public string Name { get; set; } = "";
    public string? Acronym { get; set; }
    public GovernmentUnitKind Kind { get; set; } = GovernmentUnitKind.Dinas;
    public bool IsActive { get; set; } = true;

    /// <summary>The row version the user loaded (xmin), for optimistic concurrency.</summary>
    public uint Version { get; set; }
}

/// <summary>Validates in the dialog (per field) and again in the service before saving (authoritative).</summary>
public sealed class UnitInputValidator : AbstractValidator<UnitInput>
{
    public UnitInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Name).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(l["Validation.Required"])
            .MaximumLength(TextLimits.Name).WithMessage(string.Format(System.Globalization.CultureInfo.CurrentCulture, l["Validation.MaxLength"], TextLimits.Name));
        RuleFor(x => x.Acronym).MaximumLength(TextLimits.ShortName)
            .WithMessage(string.Format(System.Globalization.CultureInfo.CurrentCulture, l["Validation.MaxLength"], TextLimits.ShortName));
        RuleFor(x => x.Kind).IsInEnum().WithMessage(l["Validation.Choose"]);
    }
}
