using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SmartCity.Testing;
using SmartCity.Web.Data;

namespace SmartCity.EndToEndTests.Journeys;

/// <summary>Account administration in the browser: the user list, the CSV dry run naming a bad line, a new account's one-time password.</summary>
public sealed class UserAdminJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData("desktop", 1366, 900)]
    [InlineData("mobile", 360, 740)]
    public async Task An_admin_checks_an_import_file_and_the_dry_run_names_the_bad_line(string device, int width, int height)
    {
        var page = await app.SignedInPageAsync("admin", width, height);
        await page.GotoAsync("/admin/users");
        await BrowserApp.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("page-title")).ToHaveTextAsync("Pengguna");
        await Assertions.Expect(page.GetByTestId("user-name").Filter(new() { HasText = "diskominfo.jepara" })).ToHaveCountAsync(1);
        await BrowserApp.ScreenshotAsync(page, $"users-{device}");
        await BrowserApp.AssertAccessibleAsync(page);

        var suffix = Guid.NewGuid().ToString("N")[..8];
        var names = new[] { $"impor.a.{suffix}", $"impor.b.{suffix}", $"impor.c.{suffix}" };
        var csv = string.Join("\r\n",
            "username,full_name,roles,regency_code,verifier,regency_user_admin",
            $"{names[0]},Staf Satu,DiskominfoStaff,33.20,true,false",
            $"{names[1]},Staf Dua,Walikota,33.20,false,false",
            $"{names[2]},Staf Tiga,BappedaPlanner,35.17,false,true") + "\r\n";

        await page.GetByTestId("user-import").ClickAsync();
        await UploadAsync(page, "users.csv", csv);

        var problem = page.GetByTestId("import-problem");
        await Assertions.Expect(problem).ToHaveCountAsync(1);
        await Assertions.Expect(problem).ToHaveAttributeAsync("data-line", "3");
        await Assertions.Expect(problem).ToContainTextAsync(names[1]);
        await Assertions.Expect(problem).ToContainTextAsync("Peran tidak dikenal: Walikota.");
        await Assertions.Expect(page.GetByTestId("import-bad")).ToContainTextAsync("tidak ada yang akan diimpor");
        await Assertions.Expect(page.GetByTestId("import-commit")).ToBeDisabledAsync();
        await problem.ScrollIntoViewIfNeededAsync();
        await BrowserApp.ScreenshotAsync(page, $"users-import-dry-run-{device}");
        await BrowserApp.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Batal" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-dialog")).ToHaveCountAsync(0);
        await page.Locator("#user-search").FillAsync(suffix);
        await Assertions.Expect(page.GetByTestId("user-empty")).ToBeVisibleAsync();
        await using var db = app.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.UserName!.EndsWith(suffix)));
    }

    [Fact]
    public async Task An_admin_adds_a_Diskominfo_user_and_sees_the_temporary_password_once()
    {
        var page = await app.SignedInPageAsync("admin");
        await page.GotoAsync("/admin/users");
        await BrowserApp.WaitInteractiveAsync(page);
        var userName = $"staf.{Guid.NewGuid():N}"[..17];

        await page.GetByTestId("user-add").ClickAsync();
        await page.GetByTestId("user-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("user-roles-error")).ToHaveTextAsync("Pilih minimal satu peran.");
        await page.Locator("#user-username").FillAsync(userName);
        await page.Locator("#user-fullname").FillAsync("Rina Kartika");
        await page.GetByTestId("role-DiskominfoStaff").CheckAsync();
        await BrowserApp.PickAsync(page, page.Locator("#user-regency"), "Jepara", "Kabupaten Jepara (33.20)");
        await page.GetByTestId("user-verifier").CheckAsync();
        await BrowserApp.ScreenshotAsync(page, "user-dialog-desktop");
        await BrowserApp.AssertAccessibleAsync(page);
        await page.GetByTestId("user-save").ClickAsync();

        await Assertions.Expect(page.GetByTestId("password-dialog")).ToBeVisibleAsync();
        var password = await page.Locator("#temporary-password").InputValueAsync();
        Assert.True(password.Length >= 16, password);
        await BrowserApp.ScreenshotAsync(page, "user-temporary-password-desktop");
        await BrowserApp.AssertAccessibleAsync(page);
        await page.GetByTestId("password-close").ClickAsync();
        await Assertions.Expect(page.GetByTestId("password-dialog")).ToHaveCountAsync(0);

        await page.Locator("#user-search").FillAsync(userName);
        await Assertions.Expect(page.GetByTestId("user-name")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("user-name")).ToHaveTextAsync(userName);
        await using var db = app.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.UserName == userName);
        Assert.True(user.MustChangePassword);
        Assert.True(user.IsVerifier);
    }

    [Theory]
    [InlineData("desktop", 1366, 900)]
    [InlineData("mobile", 360, 740)]
    public async Task A_correct_file_imports_every_line_and_shows_the_passwords_once(string device, int width, int height)
    {
        var page = await app.SignedInPageAsync("admin", width, height);
        await page.GotoAsync("/admin/users");
        await BrowserApp.WaitInteractiveAsync(page);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var csv = string.Join("\r\n",
            "username,full_name,roles,regency_code,verifier,regency_user_admin",
            $"baru.a.{suffix},Sri Wahyuni,DiskominfoStaff,33.20,true,false",
            $"baru.b.{suffix},Budi Santoso,BappedaPlanner,35.17,false,true") + "\r\n";

        await page.GetByTestId("user-import").ClickAsync();
        await UploadAsync(page, "staf.csv", csv);
        await Assertions.Expect(page.GetByTestId("import-ready")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("import-preview-row")).ToHaveCountAsync(2);
        await BrowserApp.ScreenshotAsync(page, $"users-import-ready-{device}");
        await page.GetByTestId("import-commit").ClickAsync();

        await Assertions.Expect(page.GetByTestId("import-issued-row")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("import-download")).ToHaveAttributeAsync("download", new System.Text.RegularExpressions.Regex(@"^temporary-passwords-.*\.csv$"));
        await BrowserApp.ScreenshotAsync(page, $"users-import-done-{device}");
        await BrowserApp.AssertAccessibleAsync(page);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("import-download").ClickAsync());
        var passwords = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("username,full_name,temporary_password\r\n", passwords, StringComparison.Ordinal);
        Assert.Contains($"baru.b.{suffix},Budi Santoso,", passwords, StringComparison.Ordinal);
        await page.GetByTestId("import-done").ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-dialog")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("user-name").Filter(new() { HasText = suffix })).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task A_regency_user_admin_sees_only_their_regency_staff()
    {
        var userName = $"ua.{Guid.NewGuid():N}"[..15];
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await using var db = app.CreateDbContext();
            var jepara = await db.Regencies.Where(r => r.Code == "33.20").Select(r => r.Id).SingleAsync();
            var user = new ApplicationUser { UserName = userName, FullName = "Admin Pengguna Jepara", RegencyId = jepara, IsRegencyUserAdmin = true };
            Assert.True((await users.CreateAsync(user, HttpSignIn.DemoPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.DiskominfoStaff)).Succeeded);
        }

        var page = await app.SignedInPageAsync(userName, 360, 740);
        await page.GotoAsync("/admin/users");
        await BrowserApp.WaitInteractiveAsync(page);

        await Assertions.Expect(page.GetByTestId("users-context")).ToContainTextAsync("Kabupaten Jepara");
        await Assertions.Expect(page.GetByTestId("user-name").Filter(new() { HasText = "diskominfo.jepara" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("user-name").Filter(new() { HasText = "jombang" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("user-name").Filter(new() { HasText = "penilai" })).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, "users-regency-admin-mobile");
        await BrowserApp.AssertAccessibleAsync(page);

        await page.GetByTestId("user-add").ClickAsync();
        await Assertions.Expect(page.GetByTestId("role-Admin")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("role-KominfoAssessor")).ToHaveCountAsync(0);
        await page.GetByTestId("role-BappedaPlanner").CheckAsync();
        await Assertions.Expect(page.Locator("#user-regency-fixed")).ToHaveValueAsync("Kabupaten Jepara (33.20)");
        await BrowserApp.ScreenshotAsync(page, "user-dialog-regency-admin-mobile");
        await BrowserApp.AssertAccessibleAsync(page);
    }

    /// <summary>Sets the file once Blazor's InputFile has hooked the input (a file set earlier would go unnoticed).</summary>
    private static async Task UploadAsync(IPage page, string name, string csv)
    {
        await Assertions.Expect(page.GetByTestId("import-dialog")).ToBeVisibleAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('input[type=file]')?._blazorInputFileNextFileId !== undefined");
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await Assertions.Expect(page.GetByTestId("import-file-name")).ToHaveTextAsync(name);
    }

    [Fact]
    public async Task Staff_without_the_permission_see_not_permitted()
    {
        var page = await app.SignedInPageAsync("diskominfo.jepara", 360, 740);

        var response = await page.GotoAsync("/admin/users");

        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByTestId("forbidden")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("user-grid")).ToHaveCountAsync(0);
    }
}
