using FluentValidation;
using Microsoft.Extensions.Localization;
using SmartCity.Domain.Common;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.Accounts;

public sealed class LoginInput
{
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
}

public sealed class LoginInputValidator : AbstractValidator<LoginInput>
{
    public LoginInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.UserName).NotEmpty().WithMessage(l["Validation.Required"]).MaximumLength(TextLimits.Name).WithMessage(l["Validation.TooLong"]);
        RuleFor(x => x.Password).NotEmpty().WithMessage(l["Validation.Required"]).MaximumLength(TextLimits.Name).WithMessage(l["Validation.TooLong"]);
    }
}
