using Microsoft.Playwright;

namespace SmartCity.EndToEndTests.Journeys;

public sealed class SettingsJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData("desktop", 1366, 900)]
    [InlineData("mobile", 360, 740)]
    public async Task An_admin_sees_a_clear_message_for_a_bad_grace_period_and_saves_a_good_one(string device, int width, int height)
    {
        var page = await app.SignedInPageAsync("admin", width, height);
        await page.GotoAsync("/admin/settings");
        await BrowserApp.WaitInteractiveAsync(page);
        await Assertions.Expect(page.Locator("#ministry-name")).ToHaveValueAsync("Kementerian Komunikasi dan Digital");

        await page.Locator("#grace-days").FillAsync("100");
        await page.GetByTestId("settings-save").ClickAsync();
        await Assertions.Expect(page.GetByText("Harus antara 0 dan 60.")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, $"settings-validation-{device}");
        await BrowserApp.AssertAccessibleAsync(page);

        await page.Locator("#grace-days").FillAsync("12");
        await page.GetByTestId("settings-save").ClickAsync();
        await Assertions.Expect(page.GetByText("Tersimpan.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Regency_staff_are_not_permitted_on_the_settings_page()
    {
        var page = await app.SignedInPageAsync("diskominfo.jepara");
        await page.GotoAsync("/admin/settings");

        await Assertions.Expect(page.GetByTestId("forbidden")).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData("desktop", 1366, 900)]
    [InlineData("mobile", 360, 740)]
    public async Task An_admin_sees_the_dimension_names_in_both_languages(string device, int width, int height)
    {
        var page = await app.SignedInPageAsync("admin", width, height);
        await page.GotoAsync("/admin/reference");
        await BrowserApp.WaitInteractiveAsync(page);

        await Assertions.Expect(page.Locator("#name-en-GOV")).ToHaveValueAsync("Smart Governance");
        await BrowserApp.ScreenshotAsync(page, $"reference-{device}");
        await BrowserApp.AssertAccessibleAsync(page);
    }
}
