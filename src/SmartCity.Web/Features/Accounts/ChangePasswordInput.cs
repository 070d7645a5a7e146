using FluentValidation;
using Microsoft.Extensions.Localization;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.Accounts;

public sealed class ChangePasswordInput
{
    public string Current { get; set; } = "";
    public string Next { get; set; } = "";
    public string Confirm { get; set; } = "";
}

/// <summary>Length and confirmation here; the common-password list and the rest of the policy are Identity's validators.</summary>
public sealed class ChangePasswordInputValidator : AbstractValidator<ChangePasswordInput>
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    public ChangePasswordInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Current).NotEmpty().WithMessage(l["Validation.Required"]);
        RuleFor(x => x.Next).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(l["Validation.Required"])
            .MinimumLength(MinLength).WithMessage(string.Format(System.Globalization.CultureInfo.CurrentCulture, l["Password.TooShort"], MinLength))
            .MaximumLength(MaxLength).WithMessage(string.Format(System.Globalization.CultureInfo.CurrentCulture, l["Validation.MaxLength"], MaxLength))
            .NotEqual(x => x.Current).WithMessage(l["Password.SameAsCurrent"]);
        RuleFor(x => x.Confirm).Equal(x => x.Next).WithMessage(l["Password.Mismatch"]);
    }
}
