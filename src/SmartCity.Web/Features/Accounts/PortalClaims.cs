using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SmartCity.Web.Data;

namespace SmartCity.Web.Features.Accounts;

/// <summary>Claim types the access gate reads, so a check costs no SQL.</summary>
public static class PortalClaims
{
    public const string RegencyId = "smartcity:regency";
    public const string Verifier = "smartcity:verifier";
    public const string RegencyUserAdmin = "smartcity:regency-user-admin";
    public const string FullName = "smartcity:full-name";
    public const string MustChangePassword = "smartcity:must-change-password";
}

/// <summary>Adds the regency binding and permissions to the sign-in cookie.</summary>
public sealed class PortalClaimsFactory(UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.FullName, user.FullName));
        if (user.RegencyId is { } regencyId)
        {
            identity.AddClaim(new Claim(PortalClaims.RegencyId, regencyId.ToString(CultureInfo.InvariantCulture)));
        }

        if (user.IsVerifier)
        {
            identity.AddClaim(new Claim(PortalClaims.Verifier, "true"));
        }

        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(PortalClaims.MustChangePassword, "true"));
        }

        if (user.IsRegencyUserAdmin)
        {
            identity.AddClaim(new Claim(PortalClaims.RegencyUserAdmin, "true"));
        }

        return identity;
    }
}
