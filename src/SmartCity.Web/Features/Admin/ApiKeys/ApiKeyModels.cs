using FluentValidation;
using Microsoft.Extensions.Localization;
using SmartCity.Domain.Common;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.Admin.ApiKeys;

/// <summary>What an admin enters to issue a key: the regency it is bound to and a name that says which system uses it.</summary>
public sealed class ApiKeyInput
{
    public int? RegencyId { get; set; }
    public string Name { get; set; } = "";
}

public sealed class ApiKeyInputValidator : AbstractValidator<ApiKeyInput>
{
    public ApiKeyInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.RegencyId).NotNull().WithMessage(l["Validation.Required"]);
        RuleFor(x => x.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage(l["Validation.Required"])
            .MaximumLength(TextLimits.Name).WithMessage(l["ApiKeys.NameTooLong"]);
    }
}

/// <summary>One key in the admin list: never the key itself, only the prefix that identifies it.</summary>
public sealed record ApiKeyRow(
    int Id, int RegencyId, string RegencyCode, string RegencyName, string Name, string Prefix, DateTimeOffset CreatedAt, string? CreatedBy,
    DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, string? RevokedBy, uint Version)
{
    public bool IsRevoked => RevokedAt is not null;
}

public sealed record ApiKeyQuery(string? Search = null, bool IncludeRevoked = true, int Page = 1, int PageSize = 25);

/// <summary>
/// The outcome of issuing a key: the plain key (shown once, never stored) with the saved row, or field errors.
/// </summary>
public sealed record IssuedApiKey(string? PlainKey, ApiKeyRow? Key, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool Succeeded => PlainKey is not null;
}
