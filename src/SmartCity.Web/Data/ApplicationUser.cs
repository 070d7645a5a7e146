using Microsoft.AspNetCore.Identity;

namespace SmartCity.Web.Data;

/// <summary>A portal user. Regency roles (Bappeda, Diskominfo) are bound to one regency.</summary>
public class ApplicationUser : IdentityUser
{
    public string FullName { get; set; } = "";
    public int? RegencyId { get; set; }

    /// <summary>A Diskominfo user who may verify progress reports (never their own).</summary>
    public bool IsVerifier { get; set; }

    /// <summary>A regency user who may manage the accounts of their own regency's staff.</summary>
    public bool IsRegencyUserAdmin { get; set; }
    public bool IsDisabled { get; set; }
    public bool MustChangePassword { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string PreferredCulture { get; set; } = "id-ID";
}

public static class Roles
{
    public const string Admin = "Admin";
    public const string KominfoAssessor = "KominfoAssessor";
    public const string BappedaPlanner = "BappedaPlanner";
    public const string DiskominfoStaff = "DiskominfoStaff";

    public static readonly IReadOnlyList<string> All = [Admin, KominfoAssessor, BappedaPlanner, DiskominfoStaff];

    /// <summary>Roles that bind a user to one regency.</summary>
    public static readonly IReadOnlyList<string> RegencyBound = [BappedaPlanner, DiskominfoStaff];
}
