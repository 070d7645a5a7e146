using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SmartCity.Domain.Common;
using SmartCity.Web.Common;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Resources;

namespace SmartCity.Web.Features.Admin.Users;

/// <summary>
/// Accounts: admins manage every account; a regency user-admin manages the Bappeda and Diskominfo staff of their own regency
/// (never national roles, never another regency). Every rule is enforced here, not by hiding buttons. Writes run in one
/// transaction on a short-lived scope of their own (UserManager and its DbContext never live as long as a circuit), are
/// audited (accounts by the interceptor, role changes also as an explicit row with the regency), and every change of
/// roles, regency, permissions, password or the disabled flag renews the security stamp, so open circuits re-validate.
/// </summary>
public sealed partial class UserAdminService(
    IDbContextFactory<SmartCityDbContext> dbFactory,
    IServiceScopeFactory scopeFactory,
    RegencyAccess access,
    CurrentUser currentUser,
    UserInputValidator validator,
    ILookupNormalizer normalizer,
    IStringLocalizer<SharedResource> l,
    ProgrammeClock clock,
    ILogger<UserAdminService> logger)
{
    public const int MaxPageSize = 200;
    public const string RolesAuditEntity = "UserRoles";
    private const string Target = "user accounts";
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>Whom the acting user administers; refuses (and logs) anyone who administers no accounts.</summary>
    public async Task<UserAdminScope> ScopeAsync(CancellationToken ct = default)
    {
        if (ManagedRegency("user administration") is not { } own)
        {
            return new UserAdminScope(null);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return new UserAdminScope(await db.Regencies.AsNoTracking().Where(r => r.Id == own).Select(r => new RegencyOption(r.Id, r.Code, r.Name)).SingleAsync(ct));
    }

    public async Task<PagedResult<UserRow>> ListAsync(UserQuery query, CancellationToken ct = default)
    {
        var managed = ManagedRegency("the user list");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var users = db.Users.AsNoTracking();
        if (managed is { } own)
        {
            users = users.Where(u => u.RegencyId == own);
        }
        else if (!string.IsNullOrWhiteSpace(query.RegencyCode))
        {
            var code = query.RegencyCode.Trim();
            users = users.Where(u => db.Regencies.Any(r => r.Id == u.RegencyId && r.Code == code));
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = $"%{Like.Escape(query.Search.Trim())}%";
            users = users.Where(u => EF.Functions.ILike(u.UserName!, pattern) || EF.Functions.ILike(u.FullName, pattern));
        }

        if (!string.IsNullOrWhiteSpace(query.Role))
        {
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == query.Role)));
        }

        if (query.Disabled is { } disabled)
        {
            users = users.Where(u => u.IsDisabled == disabled);
        }

        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, query.Page);
        var total = await users.CountAsync(ct);
        var ordered = (query.Sort, query.Descending) switch
        {
            (UserSort.FullName, false) => users.OrderBy(u => u.FullName).ThenBy(u => u.UserName),
            (UserSort.FullName, true) => users.OrderByDescending(u => u.FullName).ThenBy(u => u.UserName),
            (UserSort.Regency, false) => users.OrderBy(u => db.Regencies.Where(r => r.Id == u.RegencyId).Select(r => r.Code).FirstOrDefault()).ThenBy(u => u.UserName),
            (UserSort.Regency, true) => users.OrderByDescending(u => db.Regencies.Where(r => r.Id == u.RegencyId).Select(r => r.Code).FirstOrDefault()).ThenBy(u => u.UserName),
            (UserSort.CreatedAt, false) => users.OrderBy(u => u.CreatedAt).ThenBy(u => u.UserName),
            (UserSort.CreatedAt, true) => users.OrderByDescending(u => u.CreatedAt).ThenBy(u => u.UserName),
            (_, true) => users.OrderByDescending(u => u.UserName),
            _ => users.OrderBy(u => u.UserName),
        };
        var rows = await Project(db, ordered.Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(ct);
        return new PagedResult<UserRow>(rows.Select(r => ToRow(r, managed)).ToList(), total, page, pageSize);
    }

    public async Task<UserRow?> GetAsync(string userId, CancellationToken ct = default)
    {
        var managed = ManagedRegency(Target);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await Project(db, db.Users.AsNoTracking().Where(u => u.Id == userId)).SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        if (managed is not null)
        {
            access.EnsureCanWrite(row.RegencyId ?? 0, RegencyWrite.Staff, $"user {row.UserName}");
        }

        return ToRow(row, managed);
    }

    /// <summary>Regencies a new account may be bound to, searched by name or code (a regency user-admin: only their own).</summary>
    public async Task<IReadOnlyList<RegencyOption>> RegenciesAsync(string? search, CancellationToken ct = default)
    {
        var managed = ManagedRegency("the regency choice");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var regencies = db.Regencies.AsNoTracking().Where(r => r.IsActive);
        if (managed is { } own)
        {
            regencies = regencies.Where(r => r.Id == own);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            var pattern = $"%{Like.Escape(text)}%";
            regencies = regencies.Where(r => r.Code.StartsWith(text) || EF.Functions.ILike(r.Name, pattern));
        }

        return await regencies.OrderBy(r => r.Code).Take(20).Select(r => new RegencyOption(r.Id, r.Code, r.Name)).ToListAsync(ct);
    }

    /// <summary>Creates an account with a generated one-time temporary password (returned once) that must be changed at first sign-in.</summary>
    public async Task<UserSaveResult> CreateAsync(UserInput input, CancellationToken ct = default)
    {
        var managed = ManagedRegency(Target);
        Normalise(input);
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return UserSaveResult.Invalid(validation);
        }

        EnsureMayGrant(input, managed, $"new user {input.UserName}");
        if (!await RegencyExistsAsync(input.RegencyId, ct))
        {
            return UserSaveResult.Invalid(nameof(UserInput.RegencyId), l["Users.RegencyUnknown"]);
        }

        return await WriteAsync(async w =>
        {
            var user = NewUser(input);
            var password = await TemporaryPassword.GenerateForAsync(w.Users, user);
            var created = await w.Users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                return (FromIdentity(created), false);
            }

            await SetRolesAsync(w, user, [], input.Roles);
            await w.Db.SaveChangesAsync(ct);
            logger.LogInformation("{Actor} created user {UserName} with roles {Roles} (correlation {CorrelationId})", currentUser.UserName, user.UserName, input.Roles, currentUser.CorrelationId);
            return (UserSaveResult.Saved(user.Id, password), true);
        }, ct);
    }

    /// <summary>
    /// Saves full name, roles, regency and permissions against the state the user loaded; when someone saved in between, nothing
    /// is written and the conflict lists each differing field. <paramref name="overwrite"/> saves over the newer state deliberately.
    /// </summary>
    public async Task<UserSaveResult> UpdateAsync(string userId, UserInput input, bool overwrite = false, CancellationToken ct = default)
    {
        var managed = ManagedRegency(Target);
        Normalise(input);
        var validation = await validator.ValidateAsync(input, ct);
        if (!validation.IsValid)
        {
            return UserSaveResult.Invalid(validation);
        }

        EnsureMayGrant(input, managed, $"user {userId}");
        if (!await RegencyExistsAsync(input.RegencyId, ct))
        {
            return UserSaveResult.Invalid(nameof(UserInput.RegencyId), l["Users.RegencyUnknown"]);
        }

        return await WriteAsync(async w =>
        {
            var (user, roles) = await LoadManagedAsync(w, userId, managed);
            if (user.Id == currentUser.UserId && roles.Contains(Roles.Admin) && !input.Roles.Contains(Roles.Admin))
            {
                return (UserSaveResult.Invalid(nameof(UserInput.Roles), l["Users.OwnAdminRole"]), false);
            }

            if (!overwrite && input.LoadedState is not null && input.LoadedState != Fingerprint(user.FullName, roles, user.RegencyId, user.IsVerifier, user.IsRegencyUserAdmin))
            {
                return (UserSaveResult.Conflicted(await ConflictAsync(w.Db, user, roles, input)), false);
            }

            var privilegesChanged = user.RegencyId != input.RegencyId || user.IsVerifier != input.IsVerifier || user.IsRegencyUserAdmin != input.IsRegencyUserAdmin
                || !roles.ToHashSet().SetEquals(input.Roles);
            user.FullName = input.FullName;
            user.RegencyId = input.RegencyId;
            user.IsVerifier = input.IsVerifier;
            user.IsRegencyUserAdmin = input.IsRegencyUserAdmin;
            await SetRolesAsync(w, user, roles, input.Roles);
            Check(privilegesChanged ? await w.Users.UpdateSecurityStampAsync(user) : await w.Users.UpdateAsync(user));
            logger.LogInformation("{Actor} updated user {UserName} (privileges changed: {Changed}, correlation {CorrelationId})", currentUser.UserName, user.UserName, privilegesChanged, currentUser.CorrelationId);
            return (UserSaveResult.Saved(user.Id), true);
        }, ct);
    }

    /// <summary>A disabled user cannot sign in and loses open circuits at the next re-validation (the security stamp changes).</summary>
    public async Task<UserSaveResult> SetDisabledAsync(string userId, bool disabled, CancellationToken ct = default)
    {
        var managed = ManagedRegency(Target);
        return await WriteAsync(async w =>
        {
            var (user, _) = await LoadManagedAsync(w, userId, managed);
            if (disabled && user.Id == currentUser.UserId)
            {
                return (UserSaveResult.Invalid("", l["Users.CannotDisableSelf"]), false);
            }

            if (user.IsDisabled == disabled)
            {
                return (UserSaveResult.Saved(user.Id), false);
            }

            user.IsDisabled = disabled;
            Check(await w.Users.UpdateSecurityStampAsync(user));
            logger.LogInformation("{Actor} {Action} user {UserName} (correlation {CorrelationId})", currentUser.UserName, disabled ? "disabled" : "enabled", user.UserName, currentUser.CorrelationId);
            return (UserSaveResult.Saved(user.Id), true);
        }, ct);
    }

    /// <summary>Replaces the password with a one-time temporary one (returned once), which must be changed at the next sign-in; unlocks the account.</summary>
    public async Task<UserSaveResult> ResetPasswordAsync(string userId, CancellationToken ct = default)
    {
        var managed = ManagedRegency(Target);
        return await WriteAsync(async w =>
        {
            var (user, _) = await LoadManagedAsync(w, userId, managed);
            var password = await TemporaryPassword.GenerateForAsync(w.Users, user);
            user.PasswordHash = w.Users.PasswordHasher.HashPassword(user, password);
            user.MustChangePassword = true;
            user.AccessFailedCount = 0;
            user.LockoutEnd = null;
            Check(await w.Users.UpdateSecurityStampAsync(user));
            logger.LogInformation("{Actor} reset the password of user {UserName} (correlation {CorrelationId})", currentUser.UserName, user.UserName, currentUser.CorrelationId);
            return (UserSaveResult.Saved(user.Id, password), true);
        }, ct);
    }

    /// <summary>The editable state of an account as one comparable string.</summary>
    public static string Fingerprint(string fullName, IEnumerable<string> roles, int? regencyId, bool isVerifier, bool isRegencyUserAdmin) =>
        string.Join('|', fullName, string.Join(';', roles.Order(StringComparer.Ordinal)), regencyId?.ToString(CultureInfo.InvariantCulture), isVerifier, isRegencyUserAdmin);

    /// <summary>
    /// Null: every account (an admin). A regency id: that regency's staff only (a regency user-admin).
    /// Anyone else is refused, and the refusal logged.
    /// </summary>
    private int? ManagedRegency(string target)
    {
        if (access.IsAdmin)
        {
            return null;
        }

        if (access.OwnRegencyId is { } own && access.CanWrite(own, RegencyWrite.Staff))
        {
            return own;
        }

        access.EnsureAdmin(target);
        throw new AccessDeniedException($"Not permitted to administer {target}.");
    }

    /// <summary>A regency user-admin grants only Bappeda/Diskominfo roles, only in their own regency.</summary>
    private void EnsureMayGrant(UserInput input, int? managed, string target)
    {
        if (managed is not { } own)
        {
            return;
        }

        if (input.Roles.Any(r => !Roles.RegencyBound.Contains(r)))
        {
            access.EnsureAdmin($"national roles for {target}");
        }

        if (input.RegencyId != own)
        {
            access.EnsureCanWrite(input.RegencyId ?? 0, RegencyWrite.Staff, target);
        }
    }

    /// <summary>Loads an account for a write; a regency user-admin may touch only their own regency's staff without national roles.</summary>
    private async Task<(ApplicationUser User, IList<string> Roles)> LoadManagedAsync(Writer w, string userId, int? managed)
    {
        var user = await w.Users.FindByIdAsync(userId) ?? throw new KeyNotFoundException($"User {userId}");
        var roles = await w.Users.GetRolesAsync(user);
        if (managed is not null)
        {
            access.EnsureCanWrite(user.RegencyId ?? 0, RegencyWrite.Staff, $"user {user.UserName}");
            if (roles.Any(r => !Roles.RegencyBound.Contains(r)))
            {
                access.EnsureAdmin($"user {user.UserName}");
            }
        }

        return (user, roles);
    }

    /// <summary>
    /// Changes role membership in the tracked context (saved by the caller's next save, together with the account's own changes)
    /// and adds an explicit audit row carrying the user's regency (the membership rows themselves have none).
    /// </summary>
    private async Task SetRolesAsync(Writer w, ApplicationUser user, ICollection<string> current, IReadOnlyCollection<string> wanted)
    {
        var remove = current.Except(wanted).ToList();
        var add = wanted.Except(current).ToList();
        if (remove.Count == 0 && add.Count == 0)
        {
            return;
        }

        foreach (var role in add.Where(r => !w.KnownRoles.Contains(r)))
        {
            if (!await w.RoleManager.RoleExistsAsync(role))
            {
                Check(await w.RoleManager.CreateAsync(new IdentityRole(role)));
            }

            w.KnownRoles.Add(role);
        }

        w.Db.AuditEntries.Add(new AuditEntry
        {
            OccurredAt = clock.GetUtcNow(),
            UserId = currentUser.UserId,
            UserName = currentUser.UserName,
            Entity = RolesAuditEntity,
            EntityKey = user.Id,
            RegencyId = user.RegencyId,
            Action = current.Count == 0 ? AuditAction.Insert : AuditAction.Update,
            Changes = JsonSerializer.Serialize(
                new[] { new { Field = "Roles", Old = current.Count == 0 ? null : string.Join(';', current.Order(StringComparer.Ordinal)), New = string.Join(';', wanted.Order(StringComparer.Ordinal)) } },
                JsonOptions),
            CorrelationId = currentUser.CorrelationId,
        });
        foreach (var role in remove)
        {
            await w.RoleStore.RemoveFromRoleAsync(user, normalizer.NormalizeName(role), CancellationToken.None);
        }

        foreach (var role in add)
        {
            await w.RoleStore.AddToRoleAsync(user, normalizer.NormalizeName(role), CancellationToken.None);
        }
    }

    private async Task<ConcurrencyConflict> ConflictAsync(SmartCityDbContext db, ApplicationUser saved, IList<string> savedRoles, UserInput yours)
    {
        var last = await db.AuditEntries.AsNoTracking().Where(a => (a.Entity == nameof(ApplicationUser) || a.Entity == RolesAuditEntity) && a.EntityKey == saved.Id)
            .OrderByDescending(a => a.Id).Select(a => new { a.UserName, a.OccurredAt }).FirstOrDefaultAsync();
        var regencies = await db.Regencies.AsNoTracking().Where(r => r.Id == saved.RegencyId || r.Id == yours.RegencyId).ToDictionaryAsync(r => r.Id, r => r.Name);
        string? Regency(int? id) => id is { } i ? regencies.GetValueOrDefault(i) : null;
        string YesNo(bool value) => value ? l["Common.Yes"] : l["Common.No"];
        string RoleNames(IEnumerable<string> roles) => string.Join(", ", roles.Order(StringComparer.Ordinal).Select(r => l[$"Role.{r}"].Value));

        var differences = new List<FieldDifference>();
        Compare(differences, l["Users.FullName"], yours.FullName, saved.FullName);
        Compare(differences, l["Users.Roles"], RoleNames(yours.Roles), RoleNames(savedRoles));
        Compare(differences, l["Users.Regency"], Regency(yours.RegencyId), Regency(saved.RegencyId));
        Compare(differences, l["Users.Verifier"], YesNo(yours.IsVerifier), YesNo(saved.IsVerifier));
        Compare(differences, l["Users.RegencyUserAdmin"], YesNo(yours.IsRegencyUserAdmin), YesNo(saved.IsRegencyUserAdmin));
        return new ConcurrencyConflict(differences, last?.UserName, last?.OccurredAt, 0);
    }

    private static void Compare(List<FieldDifference> differences, string field, string? yours, string? saved)
    {
        if (!string.Equals(yours, saved, StringComparison.Ordinal))
        {
            differences.Add(new FieldDifference(field, yours, saved));
        }
    }

    private async Task<bool> RegencyExistsAsync(int? regencyId, CancellationToken ct)
    {
        if (regencyId is not { } id)
        {
            return true;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Regencies.AnyAsync(r => r.Id == id, ct);
    }

    private ApplicationUser NewUser(UserInput input) => new()
    {
        UserName = input.UserName,
        FullName = input.FullName,
        RegencyId = input.RegencyId,
        IsVerifier = input.IsVerifier,
        IsRegencyUserAdmin = input.IsRegencyUserAdmin,
        MustChangePassword = true,
        CreatedAt = clock.GetUtcNow(),
    };

    private static void Normalise(UserInput input)
    {
        input.UserName = input.UserName?.Trim() ?? "";
        input.FullName = input.FullName?.Trim() ?? "";
        input.Roles = (input.Roles ?? []).Select(r => r.Trim()).Where(r => r.Length > 0)
            .Select(r => Roles.All.FirstOrDefault(known => string.Equals(known, r, StringComparison.OrdinalIgnoreCase)) ?? r).Distinct().ToList();
    }

    private UserSaveResult FromIdentity(IdentityResult result)
    {
        var errors = result.Errors.GroupBy(e => e.Code switch
            {
                "DuplicateUserName" or "InvalidUserName" => nameof(UserInput.UserName),
                _ => "",
            })
            .ToDictionary(g => g.Key, g => g.Select(Describe).ToArray());
        return new UserSaveResult(null, null, errors, null);
    }

    private string Describe(IdentityError error) => error.Code switch
    {
        "DuplicateUserName" => l["Users.Duplicate"],
        "InvalidUserName" => l["Users.UserNameChars"],
        _ => error.Description,
    };

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => $"{e.Code}: {e.Description}")));
        }
    }

    private static IQueryable<UserProjection> Project(SmartCityDbContext db, IQueryable<ApplicationUser> users) => users.Select(u => new UserProjection(
        u.Id, u.UserName!, u.FullName, u.RegencyId,
        db.Regencies.Where(r => r.Id == u.RegencyId).Select(r => r.Code).FirstOrDefault(),
        db.Regencies.Where(r => r.Id == u.RegencyId).Select(r => r.Name).FirstOrDefault(),
        db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
        u.IsVerifier, u.IsRegencyUserAdmin, u.IsDisabled, u.MustChangePassword, u.CreatedAt));

    private static UserRow ToRow(UserProjection u, int? managed)
    {
        var roles = u.Roles.Order(StringComparer.Ordinal).ToList();
        var canManage = managed is null || (u.RegencyId == managed && roles.All(r => Roles.RegencyBound.Contains(r)));
        return new UserRow(u.Id, u.UserName, u.FullName, roles, u.RegencyId, u.RegencyCode, u.RegencyName, u.IsVerifier, u.IsRegencyUserAdmin, u.IsDisabled, u.MustChangePassword, u.CreatedAt, canManage);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction on a scope of its own acting as the current user (so the audit rows name
    /// them), inside the retrying execution strategy. The work says whether to commit; anything else, or an exception, rolls back.
    /// </summary>
    private async Task<T> WriteAsync<T>(Func<Writer, Task<(T Result, bool Commit)>> work, CancellationToken ct)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(currentUser.Principal);
        var db = scope.ServiceProvider.GetRequiredService<SmartCityDbContext>();
        var writer = new Writer(
            db,
            scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>(),
            scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>(),
            (IUserRoleStore<ApplicationUser>)scope.ServiceProvider.GetRequiredService<IUserStore<ApplicationUser>>());
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(
            async cancel =>
            {
                db.ChangeTracker.Clear();
                writer.KnownRoles.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancel);
                var (result, commit) = await work(writer);
                if (commit)
                {
                    await transaction.CommitAsync(cancel);
                }
                else
                {
                    await transaction.RollbackAsync(cancel);
                }

                return result;
            },
            ct);
    }

    private sealed record Writer(SmartCityDbContext Db, UserManager<ApplicationUser> Users, RoleManager<IdentityRole> RoleManager, IUserRoleStore<ApplicationUser> RoleStore)
    {
        public HashSet<string> KnownRoles { get; } = [];
    }

    private sealed record UserProjection(
        string Id, string UserName, string FullName, int? RegencyId, string? RegencyCode, string? RegencyName, List<string> Roles,
        bool IsVerifier, bool IsRegencyUserAdmin, bool IsDisabled, bool MustChangePassword, DateTimeOffset CreatedAt);
}
