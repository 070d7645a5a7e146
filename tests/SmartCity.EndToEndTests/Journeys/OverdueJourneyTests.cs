using System.Globalization;
using Microsoft.Playwright;
using SmartCity.Testing;

namespace SmartCity.EndToEndTests.Journeys;

/// <summary>Issue 4: Diskominfo finds its overdue reports from Beranda; the secretariat sees the national list. Pinned to the demo day (TestNow.DemoDay: 23 Nov 2026 by default).</summary>
public sealed class OverdueJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly DateTimeOffset OverdueDay = TestNow.DemoDay;

    [Theory]
    [InlineData("desktop", 1366, 900)]
    [InlineData("mobile", 360, 740)]
    public async Task Diskominfo_Jepara_goes_from_Beranda_to_its_overdue_reports(string device, int width, int height)
    {
        var page = await app.SignedInPageAsync("diskominfo.jepara", width, height);
        using var pin = app.Clock.Pin(OverdueDay);
        await page.GotoAsync("/");
        await BrowserApp.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("overdue-count")).ToHaveTextAsync("3");
        await Assertions.Expect(page.GetByTestId("returned-card-item")).ToContainTextAsync("Simoncer");
        await BrowserApp.ScreenshotAsync(page, $"beranda-diskominfo-{device}");
        await BrowserApp.AssertAccessibleAsync(page);

        await page.GetByTestId("overdue-see-all").ClickAsync();
        await page.WaitForURLAsync("**/quick-wins/overdue");
        await BrowserApp.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("overdue-rule")).ToHaveTextAsync($"Periode {TestNow.DemoLatest} berakhir {TestNow.DemoLatest.LastDay.ToString("dd MMM yyyy", CultureInfo.GetCultureInfo("id-ID"))}; batas 10 hari (WIB)");
        await Assertions.Expect(page.GetByTestId("overdue-link")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("overdue-link").Nth(1)).ToHaveTextAsync("Nikah Keren");
        await Assertions.Expect(page.GetByTestId("overdue-days").First).ToHaveTextAsync("13 hari");
        await Assertions.Expect(page.GetByTestId("overdue-row-regency")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, $"overdue-diskominfo-{device}");
        await BrowserApp.AssertAccessibleAsync(page);

        await page.Locator("#overdue-search").FillAsync("zzz");
        await Assertions.Expect(page.GetByTestId("overdue-empty")).ToContainTextAsync("Tidak ada laporan terlambat");
        await BrowserApp.ScreenshotAsync(page, $"overdue-empty-{device}");
    }

    [Theory]
    [InlineData("desktop", 1366, 900)]
    [InlineData("mobile", 360, 740)]
    public async Task The_secretariat_sees_the_national_list_and_narrows_it_to_a_regency(string device, int width, int height)
    {
        var page = await app.SignedInPageAsync("admin", width, height);
        using var pin = app.Clock.Pin(OverdueDay);
        await page.GotoAsync("/quick-wins/overdue");
        await BrowserApp.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("overdue-link")).ToHaveCountAsync(4);
        await Assertions.Expect(page.GetByTestId("overdue-row-regency").Last).ToHaveTextAsync("Kabupaten Jombang");
        await BrowserApp.ScreenshotAsync(page, $"overdue-national-{device}");
        await BrowserApp.AssertAccessibleAsync(page);

        await page.Locator("#overdue-search").FillAsync("35.17");
        await Assertions.Expect(page.GetByTestId("overdue-link")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("overdue-link")).ToHaveTextAsync("Satu Data");
    }
}
