using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using SmartCity.Domain.Common;
using SmartCity.IntegrationTests.Web;
using SmartCity.Testing;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.Admin.Users;
using SmartCity.Web.Resources;

namespace SmartCity.IntegrationTests.Admin;

/// <summary>
/// Account administration: validation, temporary passwords, disabling, resets, CSV import (dry run and all-or-nothing) and
/// who may do what. Tests create their own accounts (Guid-suffixed names) and leave the demo accounts as they are.
/// </summary>
public sealed class UserAdminServiceTests(NationalApp app) : IClassFixture<NationalApp>
{
    private const string Jepara = "33.20";
    private const string Jombang = "35.17";
    private const string Header = "username,full_name,roles,regency_code,verifier,regency_user_admin";

    private static string NewName(string prefix) => $"{prefix}.{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    private async Task<int> RegencyIdAsync(string code)
    {
        await using var db = app.CreateDbContext();
        return await db.Regencies.Where(r => r.Code == code).Select(r => r.Id).SingleAsync();
    }

    private async Task<ApplicationUser?> FindAsync(string userName)
    {
        var normalized = userName.ToUpperInvariant();
        await using var db = app.CreateDbContext();
        return await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedUserName == normalized);
    }

    private async Task<IReadOnlyList<string>> RolesOfAsync(string userId)
    {
        await using var db = app.CreateDbContext();
        return await db.UserRoles.Where(ur => ur.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).OrderBy(n => n).ToListAsync();
    }

    private async Task<int> UserCountAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.Users.CountAsync();
    }

    /// <summary>Creates an account as the admin and returns its id and temporary password.</summary>
    private async Task<(string Id, string Password)> CreateAsync(string userName, string role, string? regencyCode, bool verifier = false, bool userAdmin = false, params string[] moreRoles)
    {
        await using var admin = await app.AsAsync("admin");
        var result = await admin.Get<UserAdminService>().CreateAsync(new UserInput
        {
            UserName = userName,
            FullName = "Pengguna Uji " + userName,
            Roles = [role, .. moreRoles],
            RegencyId = regencyCode is null ? null : await RegencyIdAsync(regencyCode),
            IsVerifier = verifier,
            IsRegencyUserAdmin = userAdmin,
        });
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.SelectMany(e => e.Value)));
        return (result.UserId!, result.TemporaryPassword!);
    }

    /// <summary>Signs in through the real form; true when the sign-in cookie was issued.</summary>
    private async Task<bool> SignsInAsync(string userName, string password)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var response = await HttpSignIn.SignInAsync(client, userName, password);
        var cookie = response.Headers.TryGetValues("Set-Cookie", out var values) && values.Any(v => v.StartsWith("SmartCity.Auth=", StringComparison.Ordinal));
        if (!cookie)
        {
            Assert.Contains(Text("Account.InvalidCredentials"), await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        return cookie;
    }

    private string Text(string key) => app.Services.GetRequiredService<IStringLocalizer<SharedResource>>()[key];

    private static MemoryStream CsvFile(params string[] lines) => new(Encoding.UTF8.GetBytes(string.Join("\r\n", [Header, .. lines]) + "\r\n"));

    public static TheoryData<string, string?, string, string> InvalidCases => new()
    {
        { Roles.DiskominfoStaff, null, nameof(UserInput.RegencyId), "Users.RegencyRequired" },
        { Roles.KominfoAssessor, Jepara, nameof(UserInput.RegencyId), "Users.RegencyNotAllowed" },
        { "Walikota", null, nameof(UserInput.Roles), "Users.UnknownRole" },
    };

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public async Task Invalid_accounts_are_refused_per_field_and_save_nothing(string role, string? regencyCode, string field, string messageKey)
    {
        var userName = NewName("invalid");
        var before = await UserCountAsync();
        await using var admin = await app.AsAsync("admin");

        var result = await admin.Get<UserAdminService>().CreateAsync(new UserInput
        {
            UserName = userName,
            FullName = "Tidak Sah",
            Roles = [role],
            RegencyId = regencyCode is null ? null : await RegencyIdAsync(regencyCode),
        });

        Assert.False(result.Succeeded);
        Assert.Null(result.TemporaryPassword);
        var expected = Text(messageKey).Replace("{0}", role, StringComparison.Ordinal);
        Assert.Equal(expected, Assert.Single(result.Errors[field]));
        Assert.Equal(before, await UserCountAsync());
        Assert.Null(await FindAsync(userName));
    }

    [Fact]
    public async Task A_taken_user_name_and_misplaced_permissions_are_refused()
    {
        var before = await UserCountAsync();
        await using var admin = await app.AsAsync("admin");
        var users = admin.Get<UserAdminService>();
        var jepara = await RegencyIdAsync(Jepara);

        var duplicate = await users.CreateAsync(new UserInput { UserName = "Diskominfo.Jepara", FullName = "Kembar", Roles = [Roles.DiskominfoStaff], RegencyId = jepara });
        var bappedaVerifier = await users.CreateAsync(new UserInput { UserName = NewName("bv"), FullName = "Perencana", Roles = [Roles.BappedaPlanner], RegencyId = jepara, IsVerifier = true });
        var nationalUserAdmin = await users.CreateAsync(new UserInput { UserName = NewName("nu"), FullName = "Penilai", Roles = [Roles.KominfoAssessor], IsRegencyUserAdmin = true });
        var badName = await users.CreateAsync(new UserInput { UserName = "nama dengan spasi", FullName = "Spasi", Roles = [Roles.KominfoAssessor] });

        Assert.Equal(Text("Users.Duplicate"), Assert.Single(duplicate.Errors[nameof(UserInput.UserName)]));
        Assert.Equal(Text("Users.VerifierOnlyDiskominfo"), Assert.Single(bappedaVerifier.Errors[nameof(UserInput.IsVerifier)]));
        Assert.Equal(Text("Users.UserAdminOnlyRegency"), Assert.Single(nationalUserAdmin.Errors[nameof(UserInput.IsRegencyUserAdmin)]));
        Assert.Equal(Text("Users.UserNameChars"), Assert.Single(badName.Errors[nameof(UserInput.UserName)]));
        Assert.Equal(before, await UserCountAsync());
    }

    [Fact]
    public async Task A_new_account_gets_a_one_time_password_that_signs_in_and_must_be_changed()
    {
        var userName = NewName("baru");
        var (id, password) = await CreateAsync(userName, Roles.DiskominfoStaff, Jepara, verifier: true);

        Assert.True(password.Length >= 16);
        var user = await FindAsync(userName);
        Assert.NotNull(user);
        Assert.True(user.MustChangePassword);
        Assert.True(user.IsVerifier);
        Assert.Equal(await RegencyIdAsync(Jepara), user.RegencyId);
        Assert.Equal([Roles.DiskominfoStaff], await RolesOfAsync(id));
        Assert.True(await SignsInAsync(userName, password));
        Assert.DoesNotContain(app.Logs.Events, e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture).Contains(password, StringComparison.Ordinal));

        await using var db = app.CreateDbContext();
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityKey == id || a.EntityKey.StartsWith(id + "|")).ToListAsync();
        var inserted = Assert.Single(audit, a => a.Entity == nameof(ApplicationUser));
        Assert.Equal(("admin", user.RegencyId, AuditAction.Insert), (inserted.UserName, inserted.RegencyId, inserted.Action));
        Assert.Contains("\"***\"", inserted.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain(user.PasswordHash!, inserted.Changes, StringComparison.Ordinal);
        Assert.Contains(audit, a => a.Entity == UserAdminService.RolesAuditEntity && a.RegencyId == user.RegencyId && a.Changes.Contains(Roles.DiskominfoStaff, StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Entity.StartsWith("IdentityUserRole", StringComparison.Ordinal) && a.Action == AuditAction.Insert);
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_loses_open_sessions_and_can_be_enabled_again()
    {
        var userName = NewName("nonaktif");
        var (id, password) = await CreateAsync(userName, Roles.BappedaPlanner, Jombang);
        var stampBefore = (await FindAsync(userName))!.SecurityStamp;
        await using var session = await app.AsAsync(userName);
        var principal = session.Get<CurrentUser>().Principal;

        await using (var admin = await app.AsAsync("admin"))
        {
            Assert.True((await admin.Get<UserAdminService>().SetDisabledAsync(id, disabled: true)).Succeeded);
        }

        var disabled = (await FindAsync(userName))!;
        Assert.True(disabled.IsDisabled);
        Assert.NotEqual(stampBefore, disabled.SecurityStamp);
        Assert.False(await SignsInAsync(userName, password));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.False(await RevalidatingAuthStateProvider.IsStillValidAsync(users, principal, app.Services.GetRequiredService<IOptions<IdentityOptions>>().Value));
        }

        await using (var admin = await app.AsAsync("admin"))
        {
            Assert.True((await admin.Get<UserAdminService>().SetDisabledAsync(id, disabled: false)).Succeeded);
        }

        var enabled = (await FindAsync(userName))!;
        Assert.False(enabled.IsDisabled);
        Assert.NotEqual(disabled.SecurityStamp, enabled.SecurityStamp);
        Assert.True(await SignsInAsync(userName, password));
    }

    [Fact]
    public async Task Admins_cannot_disable_themselves_or_drop_their_own_admin_role()
    {
        await using var admin = await app.AsAsync("admin");
        var users = admin.Get<UserAdminService>();
        var self = (await FindAsync("admin"))!;

        var disable = await users.SetDisabledAsync(self.Id, disabled: true);
        var demote = await users.UpdateAsync(self.Id, new UserInput { UserName = "admin", FullName = self.FullName, Roles = [Roles.KominfoAssessor] });

        Assert.Equal(Text("Users.CannotDisableSelf"), Assert.Single(disable.Errors[""]));
        Assert.Equal(Text("Users.OwnAdminRole"), Assert.Single(demote.Errors[nameof(UserInput.Roles)]));
        var after = (await FindAsync("admin"))!;
        Assert.False(after.IsDisabled);
        Assert.Equal(self.SecurityStamp, after.SecurityStamp);
        Assert.Contains(Roles.Admin, await RolesOfAsync(self.Id));
    }

    [Fact]
    public async Task A_reset_issues_a_new_one_time_password_and_the_old_one_stops_working()
    {
        var userName = NewName("reset");
        var (id, first) = await CreateAsync(userName, Roles.KominfoAssessor, null);
        var stampBefore = (await FindAsync(userName))!.SecurityStamp;

        await using var admin = await app.AsAsync("admin");
        var result = await admin.Get<UserAdminService>().ResetPasswordAsync(id);

        var second = result.TemporaryPassword!;
        Assert.True(result.Succeeded);
        Assert.True(second.Length >= 16);
        Assert.NotEqual(first, second);
        var user = (await FindAsync(userName))!;
        Assert.True(user.MustChangePassword);
        Assert.NotEqual(stampBefore, user.SecurityStamp);
        Assert.False(await SignsInAsync(userName, first));
        Assert.True(await SignsInAsync(userName, second));
        Assert.DoesNotContain(app.Logs.Events, e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture).Contains(second, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Changing_roles_and_permissions_renews_the_stamp_and_is_audited_with_the_regency()
    {
        var userName = NewName("peran");
        var (id, _) = await CreateAsync(userName, Roles.BappedaPlanner, Jepara);
        var loaded = await GetAsAdminAsync(id);

        await using (var admin = await app.AsAsync("admin"))
        {
            var result = await admin.Get<UserAdminService>().UpdateAsync(id, new UserInput
            {
                UserName = userName,
                FullName = loaded.FullName,
                Roles = [Roles.DiskominfoStaff, Roles.BappedaPlanner],
                RegencyId = loaded.RegencyId,
                IsVerifier = true,
                LoadedState = loaded.State,
            });
            Assert.True(result.Succeeded);
        }

        Assert.Equal([Roles.BappedaPlanner, Roles.DiskominfoStaff], await RolesOfAsync(id));
        var user = (await FindAsync(userName))!;
        Assert.True(user.IsVerifier);
        await using var db = app.CreateDbContext();
        var roleRow = await db.AuditEntries.AsNoTracking().Where(a => a.Entity == UserAdminService.RolesAuditEntity && a.EntityKey == id && a.Action == AuditAction.Update).SingleAsync();
        Assert.Equal(user.RegencyId, roleRow.RegencyId);
        using var changes = JsonDocument.Parse(roleRow.Changes);
        var change = Assert.Single(changes.RootElement.EnumerateArray());
        Assert.Equal((Roles.BappedaPlanner, $"{Roles.BappedaPlanner};{Roles.DiskominfoStaff}"), (change.GetProperty("old").GetString(), change.GetProperty("new").GetString()));
        var userRow = await db.AuditEntries.AsNoTracking().Where(a => a.Entity == nameof(ApplicationUser) && a.EntityKey == id && a.Action == AuditAction.Update).OrderBy(a => a.Id).LastAsync();
        Assert.Contains("IsVerifier", userRow.Changes, StringComparison.Ordinal);
        Assert.Contains("SecurityStamp", userRow.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_editor_sees_the_conflict_and_may_overwrite()
    {
        var userName = NewName("konflik");
        var (id, _) = await CreateAsync(userName, Roles.KominfoAssessor, null);
        var loaded = await GetAsAdminAsync(id);
        UserInput Edit(string fullName) => new() { UserName = userName, FullName = fullName, Roles = loaded.Roles, LoadedState = loaded.State };

        await using var admin = await app.AsAsync("admin");
        var users = admin.Get<UserAdminService>();
        Assert.True((await users.UpdateAsync(id, Edit("Nama Pertama"))).Succeeded);
        var second = await users.UpdateAsync(id, Edit("Nama Kedua"));

        Assert.NotNull(second.Conflict);
        Assert.Equal("admin", second.Conflict.ChangedBy);
        Assert.Contains(second.Conflict.Differences, d => d.Yours == "Nama Kedua" && d.Saved == "Nama Pertama");
        Assert.Equal("Nama Pertama", (await FindAsync(userName))!.FullName);
        Assert.True((await users.UpdateAsync(id, Edit("Nama Kedua"), overwrite: true)).Succeeded);
        Assert.Equal("Nama Kedua", (await FindAsync(userName))!.FullName);
    }

    [Fact]
    public async Task The_dry_run_names_the_bad_line_and_its_reason_and_imports_nothing()
    {
        var names = Enumerable.Range(0, 3).Select(_ => NewName("csv")).ToArray();
        await using var admin = await app.AsAsync("admin");

        var check = await admin.Get<UserAdminService>().CheckImportAsync(CsvFile(
            $"{names[0]},Satu,DiskominfoStaff,{Jepara},true,false",
            $"{names[1]},Dua,Walikota,,false,false",
            $"{names[2]},Tiga,BappedaPlanner,{Jombang},false,true"));

        var problem = Assert.Single(check.Problems);
        Assert.Equal((3, names[1]), (problem.Line, problem.UserName));
        Assert.Contains(Text("Users.UnknownRole").Replace("{0}", "Walikota", StringComparison.Ordinal), problem.Reason, StringComparison.Ordinal);
        Assert.False(check.CanImport);
        Assert.Equal([2, 4], check.Lines.Select(l => l.Line));
        foreach (var name in names)
        {
            Assert.Null(await FindAsync(name));
        }
    }

    public static TheoryData<string, string> BadLines => new()
    {
        { "{0},Tanpa Daerah,DiskominfoStaff,,false,false", "Users.RegencyRequired" },
        { "{0},Daerah Asing,DiskominfoStaff,99.99,false,false", "Import.RegencyUnknown" },
        { "{0},Penilai Berdaerah,KominfoAssessor,33.20,false,false", "Users.RegencyNotAllowed" },
        { "{0},Bendera Salah,DiskominfoStaff,33.20,mungkin,false", "Import.BadFlag" },
        { "{0},Verifikator Bappeda,BappedaPlanner,33.20,true,false", "Users.VerifierOnlyDiskominfo" },
        { "{0},Kolom Kurang,DiskominfoStaff,33.20", "Import.ColumnCount" },
        { "diskominfo.jepara,Sudah Ada,DiskominfoStaff,33.20,false,false", "Users.Duplicate" },
        { "{0}" + new string('x', 60) + ",Terlalu Panjang,KominfoAssessor,,false,false", "Validation.MaxLength" },
        { "{0},Kembar,KominfoAssessor,,false,false\r\n{0},Kembar Lagi,KominfoAssessor,,false,false", "Import.DuplicateInFile" },
    };

    [Theory]
    [MemberData(nameof(BadLines))]
    public async Task Every_kind_of_bad_line_is_named_with_its_reason(string line, string reasonKey)
    {
        var name = NewName("bad");
        await using var admin = await app.AsAsync("admin");

        var check = await admin.Get<UserAdminService>().CheckImportAsync(CsvFile(string.Format(System.Globalization.CultureInfo.InvariantCulture, line, name)));

        var problem = Assert.Single(check.Problems);
        Assert.Equal(line.Contains("\r\n", StringComparison.Ordinal) ? 3 : 2, problem.Line);
        var fixedPart = Text(reasonKey).Split('{')[0];
        Assert.Contains(fixedPart, problem.Reason, StringComparison.Ordinal);
        Assert.Null(await FindAsync(name));
    }

    [Fact]
    public async Task A_bad_header_is_refused_before_any_line()
    {
        await using var admin = await app.AsAsync("admin");

        var check = await admin.Get<UserAdminService>().CheckImportAsync(new MemoryStream(Encoding.UTF8.GetBytes("user,name\r\na,b\r\n")));

        Assert.Equal(1, Assert.Single(check.Problems).Line);
        Assert.Empty(check.Lines);
    }

    [Fact]
    public async Task A_good_file_imports_every_line_in_one_go_with_temporary_passwords()
    {
        var names = Enumerable.Range(0, 3).Select(_ => NewName("impor")).ToArray();
        string[] lines =
        [
            $"{names[0]},\"Sri Wahyuni, S.Kom\",DiskominfoStaff,{Jepara},ya,false",
            $"{names[1]},Budi Santoso,bappedaplanner;DiskominfoStaff,{Jombang},false,true",
            $"{names[2]},Penilai Tiga,KominfoAssessor,,,",
        ];
        await using var admin = await app.AsAsync("admin");
        var users = admin.Get<UserAdminService>();

        Assert.True((await users.CheckImportAsync(CsvFile(lines))).CanImport);
        var outcome = await users.ImportAsync(CsvFile(lines), "staf-baru.csv");

        Assert.True(outcome.Imported);
        Assert.Equal(names, outcome.Issued.Select(i => i.UserName));
        Assert.All(outcome.Issued, i => Assert.True(i.TemporaryPassword.Length >= 16));
        var first = (await FindAsync(names[0]))!;
        Assert.Equal(("Sri Wahyuni, S.Kom", true, true), (first.FullName, first.IsVerifier, first.MustChangePassword));
        var second = (await FindAsync(names[1]))!;
        Assert.True(second.IsRegencyUserAdmin);
        Assert.Equal([Roles.BappedaPlanner, Roles.DiskominfoStaff], await RolesOfAsync(second.Id));
        Assert.Null((await FindAsync(names[2]))!.RegencyId);
        Assert.True(await SignsInAsync(names[2], outcome.Issued[2].TemporaryPassword));
        await using var db = app.CreateDbContext();
        var batches = await db.AuditEntries.AsNoTracking().Where(a => a.Entity == UserAdminService.ImportAuditEntity).ToListAsync();
        var batch = Assert.Single(batches, a => a.Changes.Contains(names[0], StringComparison.Ordinal));
        Assert.Equal((AuditAction.Batch, "staf-baru.csv", "admin"), (batch.Action, batch.EntityKey, batch.UserName));
        var csv = UserAdminService.PasswordsCsv(outcome.Issued);
        Assert.StartsWith("username,full_name,temporary_password\r\n", csv, StringComparison.Ordinal);
        Assert.Contains($"{names[0]},\"Sri Wahyuni, S.Kom\",{outcome.Issued[0].TemporaryPassword}\r\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_that_fails_at_its_third_line_writes_nothing_at_all()
    {
        var names = Enumerable.Range(0, 4).Select(_ => NewName("atomik")).ToArray();
        var lines = names.Select(n => $"{n},Staf {n},DiskominfoStaff,{Jepara},false,false").ToArray();
        var auditBefore = await AuditCountAsync();
        await using var admin = await app.AsAsync("admin");
        var users = admin.Get<UserAdminService>();
        Assert.True((await users.CheckImportAsync(CsvFile(lines))).CanImport);

        // Someone takes the third user name between the dry run and the import.
        await CreateAsync(names[2], Roles.KominfoAssessor, null);
        var auditAfterTaking = await AuditCountAsync();
        var outcome = await users.ImportAsync(CsvFile(lines), "atomik.csv");

        Assert.False(outcome.Imported);
        Assert.Empty(outcome.Issued);
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal((4, names[2], Text("Users.Duplicate")), (problem.Line, problem.UserName, problem.Reason));
        Assert.Null(await FindAsync(names[0]));
        Assert.Null(await FindAsync(names[1]));
        Assert.Null(await FindAsync(names[3]));
        Assert.Equal([Roles.KominfoAssessor], await RolesOfAsync((await FindAsync(names[2]))!.Id));
        Assert.True(auditAfterTaking > auditBefore);
        Assert.Equal(auditAfterTaking, await AuditCountAsync());
    }

    [Fact]
    public async Task A_regency_user_admin_manages_only_their_own_regency_staff()
    {
        var jepara = await RegencyIdAsync(Jepara);
        var jombang = await RegencyIdAsync(Jombang);
        var userAdminName = NewName("ua.jepara");
        var (userAdminId, _) = await CreateAsync(userAdminName, Roles.DiskominfoStaff, Jepara);
        var loaded = await GetAsAdminAsync(userAdminId);
        await using (var admin = await app.AsAsync("admin"))
        {
            var grant = await admin.Get<UserAdminService>().UpdateAsync(userAdminId, new UserInput
            {
                UserName = userAdminName,
                FullName = loaded.FullName,
                Roles = loaded.Roles,
                RegencyId = jepara,
                IsRegencyUserAdmin = true,
                LoadedState = loaded.State,
            });
            Assert.True(grant.Succeeded);
        }

        var (jombangUserId, _) = await CreateAsync(NewName("jombang"), Roles.DiskominfoStaff, Jombang);
        var (mixedUserId, _) = await CreateAsync(NewName("campur"), Roles.DiskominfoStaff, Jepara, false, false, Roles.KominfoAssessor);
        var jombangBefore = await SnapshotAsync(jombangUserId);
        var mixedBefore = await SnapshotAsync(mixedUserId);
        var usersBefore = await UserCountAsync();

        // ActingUser reads the claims at scope creation: a new scope after the grant.
        await using var actor = await app.AsAsync(userAdminName);
        var service = actor.Get<UserAdminService>();
        var refusals = RefusalCount;

        Assert.Equal(Jepara, (await service.ScopeAsync()).Regency?.Code);
        var staffName = NewName("staf.jepara");
        var created = await service.CreateAsync(new UserInput { UserName = staffName, FullName = "Staf Baru Jepara", Roles = [Roles.DiskominfoStaff], RegencyId = jepara, IsVerifier = true });
        Assert.True(created.Succeeded);
        Assert.Equal(jepara, (await FindAsync(staffName))!.RegencyId);

        await Assert.ThrowsAsync<AccessDeniedException>(() => service.CreateAsync(new UserInput { UserName = NewName("x"), FullName = "Jombang", Roles = [Roles.DiskominfoStaff], RegencyId = jombang }));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.CreateAsync(new UserInput { UserName = NewName("x"), FullName = "Admin", Roles = [Roles.Admin] }));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.CreateAsync(new UserInput { UserName = NewName("x"), FullName = "Penilai", Roles = [Roles.KominfoAssessor] }));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.CreateAsync(new UserInput { UserName = NewName("x"), FullName = "Campur", Roles = [Roles.DiskominfoStaff, Roles.Admin], RegencyId = jepara }));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.UpdateAsync(created.UserId!, new UserInput { UserName = staffName, FullName = "Naik Pangkat", Roles = [Roles.DiskominfoStaff, Roles.KominfoAssessor], RegencyId = jepara }));
        Assert.Equal(usersBefore + 1, await UserCountAsync());

        var list = await service.ListAsync(new UserQuery(RegencyCode: Jombang, PageSize: 200));
        Assert.NotEmpty(list.Items);
        Assert.All(list.Items, u => Assert.Equal(Jepara, u.RegencyCode));
        Assert.DoesNotContain(list.Items, u => u.Id == jombangUserId);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(await db.Users.CountAsync(u => u.RegencyId == jepara), list.Total);
        }

        Assert.False(list.Items.Single(u => u.Id == mixedUserId).CanManage);
        Assert.True(list.Items.Single(u => u.UserName == staffName).CanManage);

        var jombangEdit = new UserInput { UserName = "x", FullName = "Diubah", Roles = [Roles.DiskominfoStaff], RegencyId = jombang };
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.GetAsync(jombangUserId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.UpdateAsync(jombangUserId, jombangEdit));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.SetDisabledAsync(jombangUserId, disabled: true));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.ResetPasswordAsync(jombangUserId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.SetDisabledAsync(mixedUserId, disabled: true));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.ResetPasswordAsync(mixedUserId));
        Assert.Equal(jombangBefore, await SnapshotAsync(jombangUserId));
        Assert.Equal(mixedBefore, await SnapshotAsync(mixedUserId));

        var import = await service.CheckImportAsync(CsvFile($"{NewName("imp")},Jombang,DiskominfoStaff,{Jombang},false,false", $"{NewName("imp")},Admin,Admin,,false,false"));
        Assert.Equal([2, 3], import.Problems.Where(p => p.Reason == Text("Import.NotPermitted")).Select(p => p.Line));

        Assert.True((await service.SetDisabledAsync(created.UserId!, disabled: true)).Succeeded);
        Assert.True((await service.ResetPasswordAsync(created.UserId!)).Succeeded);
        AssertRefusalsLogged(userAdminName, refusals);
    }

    public static TheoryData<string?> Outsiders => new() { "diskominfo.jepara", "penilai1", null };

    [Theory]
    [MemberData(nameof(Outsiders))]
    public async Task Staff_without_the_permission_assessors_and_anonymous_visitors_are_refused_everything(string? user)
    {
        var (targetId, _) = await CreateAsync(NewName("sasaran"), Roles.DiskominfoStaff, Jepara);
        var before = await SnapshotAsync(targetId);
        var usersBefore = await UserCountAsync();
        var jepara = await RegencyIdAsync(Jepara);
        var input = new UserInput { UserName = NewName("y"), FullName = "Baru", Roles = [Roles.DiskominfoStaff], RegencyId = jepara };
        await using var actor = await app.AsAsync(user);
        var service = actor.Get<UserAdminService>();
        var refusals = RefusalCount;

        await Assert.ThrowsAsync<AccessDeniedException>(() => service.ScopeAsync());
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.ListAsync(new UserQuery()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.GetAsync(targetId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.RegenciesAsync("Jepara"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.CreateAsync(input));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.UpdateAsync(targetId, input));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.SetDisabledAsync(targetId, disabled: true));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.ResetPasswordAsync(targetId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.CheckImportAsync(CsvFile($"{NewName("z")},Z,DiskominfoStaff,{Jepara},false,false")));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.ImportAsync(CsvFile($"{NewName("z")},Z,DiskominfoStaff,{Jepara},false,false"), "x.csv"));

        Assert.Equal(before, await SnapshotAsync(targetId));
        Assert.Equal(usersBefore, await UserCountAsync());
        AssertRefusalsLogged(user ?? "anonymous", refusals);
    }

    private async Task<UserRow> GetAsAdminAsync(string id)
    {
        await using var admin = await app.AsAsync("admin");
        return (await admin.Get<UserAdminService>().GetAsync(id))!;
    }

    private async Task<int> AuditCountAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.AuditEntries.CountAsync();
    }

    private async Task<(string FullName, int? RegencyId, bool Disabled, string? Stamp, string? Hash, string Roles)> SnapshotAsync(string id)
    {
        await using var db = app.CreateDbContext();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == id);
        return (user.FullName, user.RegencyId, user.IsDisabled, user.SecurityStamp, user.PasswordHash, string.Join(';', await RolesOfAsync(id)));
    }

    private int RefusalCount => app.Logs.Messages().Count(m => m.StartsWith("Access refused", StringComparison.Ordinal));

    private void AssertRefusalsLogged(string user, int before)
    {
        var refusals = app.Logs.Messages().Where(m => m.StartsWith("Access refused", StringComparison.Ordinal)).Skip(before).ToList();
        Assert.NotEmpty(refusals);
        Assert.All(refusals, r => Assert.Contains("correlation", r, StringComparison.Ordinal));
        Assert.Contains(refusals, r => r.Contains(user, StringComparison.Ordinal));
    }
}
