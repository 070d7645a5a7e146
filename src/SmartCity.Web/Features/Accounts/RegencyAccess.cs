using System.Globalization;
using System.Security.Claims;
using SmartCity.Domain.Regencies;
using SmartCity.Web.Data;

namespace SmartCity.Web.Features.Accounts;

/// <summary>Thrown by <see cref="RegencyAccess"/> when the acting user may not do what a service was asked; pages show "not permitted".</summary>
public sealed class AccessDeniedException(string message) : Exception(message);

/// <summary>What a regency user may write, by role (ARCHITECTURE.md, "Authorization").</summary>
public enum RegencyWrite
{
    /// <summary>Quick wins, milestones, KPIs, progress reports: Diskominfo staff.</summary>
    QuickWins,

    /// <summary>The regency's OPD list: its Diskominfo and Bappeda users.</summary>
    Units,

    /// <summary>Masterplans: Bappeda planners.</summary>
    Masterplans,

    /// <summary>Accounts of the regency's own staff: a regency user-admin.</summary>
    Staff,
}

/// <summary>
/// The one access gate. Every service asks it before reading or writing: national roles read every regency, regency roles
/// read and write only their own, anonymous visitors nothing here. Refusals are logged with user, target and correlation id.
/// Answers come from the user's claims, so a check costs no SQL.
/// </summary>
public sealed class RegencyAccess(CurrentUser currentUser, ILogger<RegencyAccess> logger)
{
    private ClaimsPrincipal User => currentUser.Principal;

    public bool IsAuthenticated => currentUser.IsAuthenticated;

    public bool IsAdmin => User.IsInRole(Roles.Admin);

    public bool IsAssessor => User.IsInRole(Roles.KominfoAssessor);

    /// <summary>Admins and assessors read every regency.</summary>
    public bool IsNational => IsAdmin || IsAssessor;

    /// <summary>The regency a Bappeda or Diskominfo user is bound to.</summary>
    public int? OwnRegencyId =>
        int.TryParse(User.FindFirstValue(PortalClaims.RegencyId), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
        && (User.IsInRole(Roles.DiskominfoStaff) || User.IsInRole(Roles.BappedaPlanner))
            ? id
            : null;

    public bool CanRead(int regencyId) => IsNational || OwnRegencyId == regencyId;

    public bool CanWrite(int regencyId, RegencyWrite what) => OwnRegencyId == regencyId && what switch
    {
        RegencyWrite.QuickWins => User.IsInRole(Roles.DiskominfoStaff),
        RegencyWrite.Units => User.IsInRole(Roles.DiskominfoStaff) || User.IsInRole(Roles.BappedaPlanner),
        RegencyWrite.Masterplans => User.IsInRole(Roles.BappedaPlanner),
        RegencyWrite.Staff => User.HasClaim(PortalClaims.RegencyUserAdmin, "true"),
        _ => false,
    };

    /// <summary>A verifier verifies or returns the progress reports of their own regency (never their own: the service checks the author).</summary>
    public bool CanVerify(int regencyId) =>
        OwnRegencyId == regencyId && User.IsInRole(Roles.DiskominfoStaff) && User.HasClaim(PortalClaims.Verifier, "true");

    /// <summary>The signed-in user's id (null for anonymous visitors).</summary>
    public string? UserId => currentUser.UserId;

    /// <summary>Filters a query to the regencies the user may read.</summary>
    public IQueryable<Regency> Visible(IQueryable<Regency> regencies)
    {
        if (IsNational)
        {
            return regencies;
        }

        var own = OwnRegencyId ?? -1;
        return regencies.Where(r => r.Id == own);
    }

    public void EnsureSignedIn(string target)
    {
        if (!IsAuthenticated)
        {
            throw Refuse("read", target);
        }
    }

    public void EnsureNational(string target)
    {
        if (!IsNational)
        {
            throw Refuse("read national data", target);
        }
    }

    public void EnsureAdmin(string target)
    {
        if (!IsAdmin)
        {
            throw Refuse("administer", target);
        }
    }

    public void EnsureCanRead(int regencyId, string target)
    {
        if (!CanRead(regencyId))
        {
            throw Refuse("read", $"{target} of regency {regencyId}");
        }
    }

    public void EnsureCanWrite(int regencyId, RegencyWrite what, string target)
    {
        if (!CanWrite(regencyId, what) && !(what == RegencyWrite.Units && IsAdmin) && !(what == RegencyWrite.Staff && IsAdmin))
        {
            throw Refuse($"write {what}", $"{target} of regency {regencyId}");
        }
    }

    public void EnsureCanVerify(int regencyId, string target)
    {
        if (!CanVerify(regencyId))
        {
            throw Refuse("verify", $"{target} of regency {regencyId}");
        }
    }

    /// <summary>Refuses (logged like every refusal) unless <paramref name="allowed"/>: for rules of role and state that a service decides.</summary>
    public void EnsureAllowed(bool allowed, string action, string target)
    {
        if (!allowed)
        {
            throw Refuse(action, target);
        }
    }

    private AccessDeniedException Refuse(string action, string target)
    {
        logger.LogWarning(
            "Access refused: {User} may not {Action} {Target} (correlation {CorrelationId})",
            currentUser.UserName ?? "anonymous", action, target, currentUser.CorrelationId);
        return new AccessDeniedException($"Not permitted to {action} {target}.");
    }
}
