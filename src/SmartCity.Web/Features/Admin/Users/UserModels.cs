using FluentValidation.Results;
using SmartCity.Web.Common;

namespace SmartCity.Web.Features.Admin.Users;

public enum UserSort
{
    UserName,
    FullName,
    Regency,
    CreatedAt,
}

/// <summary>The user list's filters, sort and page. <paramref name="RegencyCode"/> is ignored for regency user-admins (they see their own regency only).</summary>
public sealed record UserQuery(
    string? Search = null, string? Role = null, string? RegencyCode = null, bool? Disabled = null,
    UserSort Sort = UserSort.UserName, bool Descending = false, int Page = 1, int PageSize = 25);

/// <summary>One account as the list and the edit dialog show it. <paramref name="CanManage"/>: the acting user may edit, disable and reset it.</summary>
public sealed record UserRow(
    string Id, string UserName, string FullName, IReadOnlyList<string> Roles, int? RegencyId, string? RegencyCode, string? RegencyName,
    bool IsVerifier, bool IsRegencyUserAdmin, bool IsDisabled, bool MustChangePassword, DateTimeOffset CreatedAt, bool CanManage)
{
    /// <summary>The editable state as loaded, so a save can tell whether someone else changed the account in between.</summary>
    public string State => UserAdminService.Fingerprint(FullName, Roles, RegencyId, IsVerifier, IsRegencyUserAdmin);
}

public sealed record RegencyOption(int Id, string Code, string Name)
{
    public override string ToString() => $"{Name} ({Code})";
}

/// <summary>Whom the acting user administers: every account (an admin) or the staff of one regency (a regency user-admin).</summary>
public sealed record UserAdminScope(RegencyOption? Regency)
{
    public bool IsNational => Regency is null;
}

/// <summary>
/// The outcome of a write on an account: saved (with the one-time temporary password when one was generated), refused by
/// validation (per field; the empty key holds messages about the account as a whole), or a conflict with a newer save.
/// </summary>
public sealed record UserSaveResult(string? UserId, string? TemporaryPassword, IReadOnlyDictionary<string, string[]> Errors, ConcurrencyConflict? Conflict)
{
    public bool Succeeded => Errors.Count == 0 && Conflict is null;

    public static UserSaveResult Saved(string userId, string? temporaryPassword = null) => new(userId, temporaryPassword, new Dictionary<string, string[]>(), null);

    public static UserSaveResult Invalid(ValidationResult validation) =>
        new(null, null, validation.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()), null);

    public static UserSaveResult Invalid(string field, string message) => new(null, null, new Dictionary<string, string[]> { [field] = [message] }, null);

    public static UserSaveResult Conflicted(ConcurrencyConflict conflict) => new(null, null, new Dictionary<string, string[]>(), conflict);
}

/// <summary>A one-time temporary password, shown once and never stored in clear or logged.</summary>
public sealed record IssuedPassword(string UserName, string FullName, string TemporaryPassword);

/// <summary>One reason a line of an import file cannot be imported; line 1 is the header.</summary>
public sealed record ImportProblem(int Line, string? UserName, string Reason);

/// <summary>A line of an import file that passed every check.</summary>
public sealed record ImportLine(int Line, string UserName, string FullName, IReadOnlyList<string> Roles, string? RegencyCode, bool IsVerifier, bool IsRegencyUserAdmin);

/// <summary>The dry run: the lines that would be imported and every problem; nothing is written.</summary>
public sealed record ImportCheck(IReadOnlyList<ImportLine> Lines, IReadOnlyList<ImportProblem> Problems)
{
    public bool CanImport => Problems.Count == 0 && Lines.Count > 0;
}

/// <summary>All or nothing: either every line became an account (with its temporary password) or nothing was written.</summary>
public sealed record ImportOutcome(IReadOnlyList<IssuedPassword> Issued, IReadOnlyList<ImportProblem> Problems)
{
    public bool Imported => Problems.Count == 0 && Issued.Count > 0;
}
