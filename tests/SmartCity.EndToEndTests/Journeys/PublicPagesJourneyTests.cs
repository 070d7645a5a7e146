using Microsoft.Playwright;

namespace SmartCity.EndToEndTests.Journeys;

/// <summary>
/// Issue 7: a visitor without an account finds Jepara on the public index (a GET form, no circuit) and reads its quick wins,
/// the approved 2018–2028 masterplan and the finalised demo results, in Indonesian and in English.
/// </summary>
public sealed class PublicPagesJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData("desktop", 1280, 900)]
    [InlineData("mobile", 360, 740)]
    public async Task A_visitor_without_sign_in_reads_Jeparas_published_data(string device, int width, int height)
    {
        var page = await app.NewPageAsync(width, height);
        await page.GotoAsync("/about");
        await page.GetByTestId("about-public-link").ClickAsync();
        await page.WaitForURLAsync("**/public/regencies");
        await Assertions.Expect(page.GetByTestId("page-title")).ToHaveTextAsync("Data terbuka kabupaten/kota");
        await Assertions.Expect(page.GetByTestId("public-count")).ToContainTextAsync("514");
        await Assertions.Expect(page.GetByTestId("public-regency-row")).ToHaveCountAsync(25);
        await BrowserApp.ScreenshotAsync(page, $"public-regencies-{device}");
        await BrowserApp.AssertAccessibleAsync(page);

        await page.GetByTestId("public-search").FillAsync("jepara");
        await page.GetByTestId("public-apply").ClickAsync();
        await page.WaitForURLAsync("**/public/regencies?q=jepara*");
        await Assertions.Expect(page.GetByTestId("public-regency-link")).ToHaveCountAsync(1);
        await page.GetByTestId("public-regency-link").ClickAsync();
        await page.WaitForURLAsync("**/public/regencies/33.20");

        await Assertions.Expect(page.GetByTestId("page-title")).ToHaveTextAsync("Kabupaten Jepara");
        await Assertions.Expect(page.GetByTestId("public-sign-in")).ToBeVisibleAsync(); // nobody is signed in
        await Assertions.Expect(page.GetByTestId("public-quick-win")).ToHaveCountAsync(9);
        var siangsa = page.GetByTestId("public-quick-win").Filter(new() { HasText = "Siangsa" });
        await Assertions.Expect(siangsa.GetByTestId("progress")).ToContainTextAsync("100 %");
        await Assertions.Expect(siangsa.GetByTestId("progress-terms")).ToContainTextAsync("2018-12");
        await Assertions.Expect(page.GetByTestId("public-masterplan-title")).ToHaveTextAsync("Masterplan Smart City Kabupaten Jepara 2018–2028");
        await Assertions.Expect(page.GetByTestId("public-masterplan-period")).ToHaveTextAsync("2018–2028");
        await Assertions.Expect(page.GetByTestId("public-masterplan")).ToContainTextAsync("17 Okt 2018");
        await Assertions.Expect(page.GetByTestId("public-programme")).ToHaveCountAsync(8);
        await Assertions.Expect(page.GetByTestId("public-result")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("public-results")).ToContainTextAsync("Evaluasi Tahunan 2025 (data demo)");
        await Assertions.Expect(page.GetByTestId("public-index").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+,\d{2}$"));
        await BrowserApp.ScreenshotAsync(page, $"public-regency-{device}");
        await BrowserApp.AssertAccessibleAsync(page);

        await page.GetByTestId("lang-en").ClickAsync();
        await page.WaitForURLAsync("**/public/regencies/33.20");
        await Assertions.Expect(page.GetByTestId("public-masterplan")).ToContainTextAsync("Programmes per dimension");
        await Assertions.Expect(page.GetByTestId("public-masterplan")).ToContainTextAsync("17 Oct 2018");
        await BrowserApp.ScreenshotAsync(page, $"public-regency-en-{device}");
        await BrowserApp.AssertAccessibleAsync(page);
        await page.GetByTestId("lang-id").ClickAsync();
        await page.WaitForURLAsync("**/public/regencies/33.20");

        await page.GotoAsync("/public/regencies/99.99");
        await Assertions.Expect(page.GetByTestId("not-found")).ToBeVisibleAsync();
    }
}
