using Microsoft.Playwright;

namespace SmartCity.EndToEndTests.Journeys;

/// <summary>Each demo account lands on a home that fits its work; a regency user cannot read another regency by typing its URL.</summary>
public sealed class AccessJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData("admin", "programme-counts")]
    [InlineData("penilai1", "programme-counts")]
    [InlineData("diskominfo.jepara", "dimension-progress")]
    [InlineData("verifikator.jepara", "dimension-progress")]
    [InlineData("bappeda.jepara", "dimension-progress")]
    [InlineData("bappeda.jombang", "dimension-progress")]
    [InlineData("diskominfo.jombang", "dimension-progress")]
    [InlineData("diskominfo.pemalang", "dimension-progress")]
    public async Task Every_demo_account_signs_in_and_lands_on_its_home(string user, string homeMarker)
    {
        var page = await app.SignedInPageAsync(user);

        await Assertions.Expect(page.GetByTestId(homeMarker)).ToBeVisibleAsync();
        if (user is "admin" or "diskominfo.jepara")
        {
            await BrowserApp.ScreenshotAsync(page, $"home-{user}-desktop");
        }
    }

    [Fact]
    public async Task A_Jepara_user_typing_a_Jombang_URL_sees_not_permitted()
    {
        var page = await app.SignedInPageAsync("diskominfo.jepara", 360, 740);

        var response = await page.GotoAsync("/regencies/35.17");

        Assert.Equal(403, response!.Status);
        await Assertions.Expect(page.GetByTestId("forbidden")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Kabupaten Jombang")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, "forbidden-mobile");
        await BrowserApp.AssertAccessibleAsync(page);

        await page.GotoAsync("/regencies");
        await BrowserApp.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("regency-link")).ToHaveTextAsync("Kabupaten Jepara");
    }

    [Fact]
    public async Task Diskominfo_staff_manage_their_OPD_list_with_clear_validation()
    {
        var page = await app.SignedInPageAsync("diskominfo.jepara");
        await page.GotoAsync("/regencies/33.20");
        await BrowserApp.WaitInteractiveAsync(page);

        await page.GetByTestId("unit-add").ClickAsync();
        await page.GetByTestId("unit-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("unit-dialog")).ToContainTextAsync("Wajib diisi.");
        await BrowserApp.ScreenshotAsync(page, "unit-dialog-validation-desktop");
        await BrowserApp.AssertAccessibleAsync(page);

        await page.Locator("#unit-name").FillAsync("Dinas Perikanan");
        await page.Locator("#unit-acronym").FillAsync("Diskan");
        await page.GetByTestId("unit-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("unit-dialog")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("unit-row").Filter(new() { HasText = "Dinas Perikanan" })).ToHaveCountAsync(1);
    }

    [Theory]
    [InlineData("desktop", 1366, 900)]
    [InlineData("mobile", 360, 740)]
    public async Task The_change_history_and_my_account_pages_work(string device, int width, int height)
    {
        var admin = await app.SignedInPageAsync("admin", width, height);
        await admin.GotoAsync("/audit");
        await BrowserApp.WaitInteractiveAsync(admin);
        await Assertions.Expect(admin.GetByTestId("audit-grid")).ToContainTextAsync("system");
        await BrowserApp.ScreenshotAsync(admin, $"audit-{device}");
        await BrowserApp.AssertAccessibleAsync(admin);

        var staff = await app.SignedInPageAsync("diskominfo.jepara", width, height);
        await staff.GotoAsync("/account");
        await BrowserApp.WaitInteractiveAsync(staff);
        await Assertions.Expect(staff.GetByTestId("my-username")).ToHaveTextAsync("diskominfo.jepara");
        await Assertions.Expect(staff.GetByTestId("recent-sign-ins")).ToContainTextAsync("Berhasil");
        await BrowserApp.ScreenshotAsync(staff, $"account-{device}");
        await BrowserApp.AssertAccessibleAsync(staff);

        await staff.GotoAsync("/account/password");
        await BrowserApp.ScreenshotAsync(staff, $"password-{device}");
        await BrowserApp.AssertAccessibleAsync(staff);
    }
}
