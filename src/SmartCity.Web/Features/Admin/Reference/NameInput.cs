using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using SmartCity.Domain.Common;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.Admin.Reference;

/// <summary>The two names of a dimension or an element.</summary>
public sealed class NameInput
{
    public string NameId { get; set; } = "";
    public string NameEn { get; set; } = "";
    public uint Version { get; set; }
}

public sealed class NameInputValidator : AbstractValidator<NameInput>
{
    public NameInputValidator(IStringLocalizer<SharedResource> l)
    {
        var max = string.Format(CultureInfo.CurrentCulture, l["Validation.MaxLength"], TextLimits.Name);
        RuleFor(x => x.NameId).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(l["Validation.Required"]).MaximumLength(TextLimits.Name).WithMessage(max);
        RuleFor(x => x.NameEn).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(l["Validation.Required"]).MaximumLength(TextLimits.Name).WithMessage(max);
    }
}
