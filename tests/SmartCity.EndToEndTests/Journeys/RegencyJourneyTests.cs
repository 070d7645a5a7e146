using Microsoft.Playwright;

namespace SmartCity.EndToEndTests.Journeys;

/// <summary>Issue 2's journey: Beranda → regencies → search Jepara → the regency page and its quick wins → an unknown code.</summary>
public sealed class RegencyJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData("desktop", 1366, 900)]
    [InlineData("mobile", 360, 740)]
    public async Task An_admin_finds_Jepara_and_sees_its_quick_wins(string device, int width, int height)
    {
        var login = await app.NewPageAsync(width, height);
        await login.GotoAsync("/account/login");
        await BrowserApp.ScreenshotAsync(login, $"login-{device}");
        await BrowserApp.AssertAccessibleAsync(login);

        var page = await app.SignedInPageAsync("admin", width, height);
        await Assertions.Expect(page.GetByTestId("page-title")).ToHaveTextAsync("Beranda");
        await Assertions.Expect(page.GetByTestId("count-regencies")).ToContainTextAsync("514");
        await BrowserApp.ScreenshotAsync(page, $"beranda-{device}");
        await BrowserApp.AssertAccessibleAsync(page);

        await page.GotoAsync("/regencies");
        await BrowserApp.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("regency-link").First).ToBeVisibleAsync();
        await page.Locator("#regency-search").FillAsync("Jepara");
        await Assertions.Expect(page.GetByTestId("regency-link")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("regency-link")).ToHaveTextAsync("Kabupaten Jepara");
        await BrowserApp.ScreenshotAsync(page, $"regencies-{device}");
        await BrowserApp.AssertAccessibleAsync(page);

        await page.GetByTestId("regency-link").ClickAsync();
        await page.WaitForURLAsync("**/regencies/33.20");
        await Assertions.Expect(page.GetByTestId("page-title")).ToHaveTextAsync("Kabupaten Jepara");
        await Assertions.Expect(page.GetByTestId("stage-history")).ToContainTextAsync("17 Okt 2018");
        await BrowserApp.ScreenshotAsync(page, $"regency-profile-{device}");
        await BrowserApp.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Tab, new() { Name = "Quick Win" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("quick-win-row")).ToHaveCountAsync(9);
        var joss = page.GetByTestId("quick-win-row").Filter(new() { HasText = "JOSS" });
        await Assertions.Expect(joss.GetByTestId("progress")).ToContainTextAsync("100 %");
        await Assertions.Expect(joss.GetByTestId("progress-terms")).ToContainTextAsync("2021-10");
        await BrowserApp.ScreenshotAsync(page, $"regency-quick-wins-{device}");
        await BrowserApp.AssertAccessibleAsync(page);

        await page.GotoAsync("/regencies/99.99");
        await Assertions.Expect(page.GetByTestId("not-found")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, $"not-found-{device}");
        await BrowserApp.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task The_language_switch_turns_the_portal_to_English_and_back()
    {
        var page = await app.SignedInPageAsync("admin");
        await page.GotoAsync("/regencies/33.20");
        await BrowserApp.WaitInteractiveAsync(page);

        await page.GetByTestId("lang-en").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.GetByTestId("stage-history")).ToContainTextAsync("17 Oct 2018");
        await BrowserApp.ScreenshotAsync(page, "regency-profile-english-desktop");

        await page.GetByTestId("lang-id").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "id");
    }

    [Fact]
    public async Task The_about_page_is_public_and_carries_the_attribution()
    {
        var page = await app.NewPageAsync(360, 740);
        await page.GotoAsync("/about");
        await Assertions.Expect(page.GetByTestId("attribution")).ToContainTextAsync("available under the ODbL");
        await BrowserApp.ScreenshotAsync(page, "about-mobile");
        await BrowserApp.AssertAccessibleAsync(page);
    }
}
