using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using SmartCity.Domain.Common;
using SmartCity.Web.Data;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.Admin.Users;

/// <summary>The account form (and one line of an import file): what an administrator may set on a user.</summary>
public sealed class UserInput
{
    public const int UserNameMaxLength = TextLimits.ShortName;

    /// <summary>Set when creating; an existing account keeps its user name.</summary>
    public string UserName { get; set; } = "";
    public string FullName { get; set; } = "";

    /// <summary>One or more of <see cref="Data.Roles.All"/>.</summary>
    public IReadOnlyList<string> Roles { get; set; } = [];

    /// <summary>Required for, and only for, Bappeda and Diskominfo users.</summary>
    public int? RegencyId { get; set; }
    public bool IsVerifier { get; set; }
    public bool IsRegencyUserAdmin { get; set; }

    /// <summary>The account's editable state when the form was loaded (<see cref="UserRow.State"/>), for conflict detection.</summary>
    public string? LoadedState { get; set; }

    public bool HasRegencyRole => Roles.Any(r => Data.Roles.RegencyBound.Contains(r));
}

/// <summary>Validates in the dialog (per field), for each import line, and again in the service before saving (authoritative).</summary>
public sealed partial class UserInputValidator : AbstractValidator<UserInput>
{
    public UserInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.UserName).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(l["Validation.Required"])
            .Must(n => n.Trim().Length <= UserInput.UserNameMaxLength).WithMessage(MaxLength(l, UserInput.UserNameMaxLength))
            .Must(n => UserNamePattern().IsMatch(n.Trim())).WithMessage(l["Users.UserNameChars"]);
        RuleFor(x => x.FullName).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(l["Validation.Required"])
            .Must(n => n.Trim().Length <= TextLimits.Name).WithMessage(MaxLength(l, TextLimits.Name));
        RuleFor(x => x.Roles).Custom((roles, context) =>
        {
            if (roles.Count == 0)
            {
                context.AddFailure(nameof(UserInput.Roles), l["Users.RoleRequired"]);
            }

            foreach (var unknown in roles.Where(r => !Roles.All.Contains(r)).Distinct())
            {
                context.AddFailure(nameof(UserInput.Roles), string.Format(CultureInfo.CurrentCulture, l["Users.UnknownRole"], unknown));
            }
        });

        // What depends on the roles is judged only once the roles themselves are known (one reason per mistake).
        When(x => x.Roles.All(r => Roles.All.Contains(r)), () =>
        {
            RuleFor(x => x.RegencyId).NotNull().When(x => x.HasRegencyRole).WithMessage(l["Users.RegencyRequired"]);
            RuleFor(x => x.RegencyId).Null().When(x => !x.HasRegencyRole).WithMessage(l["Users.RegencyNotAllowed"]);
            RuleFor(x => x.IsVerifier).Equal(false).When(x => !x.Roles.Contains(Roles.DiskominfoStaff)).WithMessage(l["Users.VerifierOnlyDiskominfo"]);
            RuleFor(x => x.IsRegencyUserAdmin).Equal(false).When(x => !x.HasRegencyRole).WithMessage(l["Users.UserAdminOnlyRegency"]);
        });
    }

    private static string MaxLength(IStringLocalizer l, int max) => string.Format(CultureInfo.CurrentCulture, l["Validation.MaxLength"], max);

    /// <summary>The characters ASP.NET Core Identity allows in a user name by default.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9._@+-]+$")]
    private static partial System.Text.RegularExpressions.Regex UserNamePattern();
}
