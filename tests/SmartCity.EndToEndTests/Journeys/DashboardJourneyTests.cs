using Microsoft.Playwright;
using SmartCity.Testing;

namespace SmartCity.EndToEndTests.Journeys;

/// <summary>Issue 7: the secretariat reads the national dashboard and drills down to a regency; Diskominfo Jepara reads its regency dashboard.</summary>
public sealed class DashboardJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly DateTimeOffset Day = TestNow.DemoDay;

    [Theory]
    [InlineData("desktop", 1280, 900)]
    [InlineData("mobile", 360, 740)]
    public async Task The_secretariat_reads_the_national_dashboard_and_drills_down_to_a_regency(string device, int width, int height)
    {
        var page = await app.SignedInPageAsync("admin", width, height);
        using var pin = app.Clock.Pin(Day);
        await page.GotoAsync("/dashboard");
        await BrowserApp.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("dash-in-programme").Locator(".count-value")).ToHaveTextAsync("3");
        await Assertions.Expect(page.GetByTestId("dash-overdue").Locator(".count-value")).ToHaveTextAsync("2");
        await Assertions.Expect(page.GetByTestId("band-table")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("progress-table").Locator("tbody tr")).ToHaveCountAsync(6);
        await BrowserApp.ScreenshotAsync(page, $"dashboard-national-{device}");
        await BrowserApp.AssertAccessibleAsync(page);

        // Cohort 2018 at the evaluation stage: Jepara.
        await page.GetByTestId("programme-2018-Evaluation").ClickAsync();
        await page.WaitForURLAsync("**/dashboard?figure=Programme&key=2018%7CEvaluation*");
        await Assertions.Expect(page.GetByTestId("drill-link")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("drill-link")).ToHaveTextAsync("Kabupaten Jepara");
        await page.EvaluateAsync("window.scrollTo(0, 0)"); // the fixed app bar would land mid-page in a full-page shot of a scrolled page
        await BrowserApp.ScreenshotAsync(page, $"dashboard-drill-down-{device}");
        await BrowserApp.AssertAccessibleAsync(page);

        await page.GetByTestId("drill-link").ClickAsync();
        await page.WaitForURLAsync("**/dashboard/regencies/33.20");
        await BrowserApp.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("current-stage")).ToContainTextAsync("Evaluasi");
        await Assertions.Expect(page.GetByTestId("regency-overdue-count")).ToHaveTextAsync("3");
        await Assertions.Expect(page.GetByTestId("regency-score-table").Locator("tbody tr")).ToHaveCountAsync(6);
        await BrowserApp.ScreenshotAsync(page, $"dashboard-regency-national-{device}");
        await BrowserApp.AssertAccessibleAsync(page);

        // A filter is a link: Jawa Tengah only (Jepara and Pemalang in the programme).
        await page.GotoAsync("/dashboard?province=33");
        await BrowserApp.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("dash-in-programme").Locator(".count-value")).ToHaveTextAsync("2");
        await Assertions.Expect(page.GetByTestId("dash-overdue").Locator(".count-value")).ToHaveTextAsync("1");
    }

    [Theory]
    [InlineData("desktop", 1280, 900)]
    [InlineData("mobile", 360, 740)]
    public async Task Diskominfo_Jepara_reads_its_regency_dashboard_on_Beranda(string device, int width, int height)
    {
        var page = await app.SignedInPageAsync("diskominfo.jepara", width, height);
        using var pin = app.Clock.Pin(Day);
        await page.GotoAsync("/");
        await BrowserApp.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("overdue-count")).ToHaveTextAsync("3");
        await Assertions.Expect(page.GetByTestId("current-stage")).ToContainTextAsync("Evaluasi");
        await Assertions.Expect(page.GetByTestId("masterplan-link")).ToContainTextAsync("Jepara");
        await Assertions.Expect(page.GetByTestId("regency-score-table").Locator("tbody tr")).ToHaveCountAsync(6);
        await Assertions.Expect(page.GetByTestId("regency-overdue")).ToHaveCountAsync(0); // the report cards show overdue reports instead
        await BrowserApp.ScreenshotAsync(page, $"dashboard-regency-home-{device}");
        await BrowserApp.AssertAccessibleAsync(page);

        await page.GotoAsync("/dashboard");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Tidak diizinkan" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("programme-table")).ToHaveCountAsync(0);
    }
}
