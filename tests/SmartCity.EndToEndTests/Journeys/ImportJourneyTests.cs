using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace SmartCity.EndToEndTests.Journeys;

/// <summary>Bulk import in the browser: a dry run naming the bad row, then a good file imported with a progress bar following the rows.</summary>
public sealed class ImportJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly string[] Dimensions = ["GOV", "BRA", "ECO", "LIV", "SOC", "ENV"];

    private const string Header = "regency_code,name,acronym,description,dimension_code,owner_unit,start_date,target_date,budget,budget_source,kind,status";

    private static Task UploadAsync(IPage page, string name, string csv) => BrowserApp.UploadAsync(page, name, csv, "import-file-name");

    [Theory]
    [InlineData("desktop", 1280, 900)]
    [InlineData("mobile", 360, 740)]
    public async Task An_admin_sees_every_bad_row_then_imports_a_good_file_with_a_progress_bar(string device, int width, int height)
    {
        var t = Guid.NewGuid().ToString("N")[..8];
        var page = await app.SignedInPageAsync("admin", width, height);
        await page.GotoAsync("/admin/imports");
        await BrowserApp.WaitInteractiveAsync(page);
        await Assertions.Expect(page.GetByTestId("page-title")).ToHaveTextAsync("Impor quick win dan laporan");
        await Assertions.Expect(page.GetByTestId("import-columns")).ToHaveTextAsync(Header);

        await UploadAsync(page, "quick-wins-bad.csv", string.Join("\r\n",
            Header,
            $"33.20,Good {t},,,GOV,,01/02/2024,31/12/2024,100,,ItSystem,Planned",
            $"33.20,Bad dimension {t},,,XYZ,,01/02/2024,31/12/2024,100,,ItSystem,Planned",
            $"99.99,Unknown regency {t},,,GOV,,01/02/2024,31/12/2024,\"1.500,5\",,ItSystem,Planned"));
        await Assertions.Expect(page.GetByTestId("import-bad")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("import-problem")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid=import-problem][data-line='3']")).ToContainTextAsync("dimension_code");
        await Assertions.Expect(page.Locator("[data-testid=import-problem][data-line='4']")).ToContainTextAsync("99.99");
        await Assertions.Expect(page.GetByTestId("import-commit")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, $"imports-dry-run-{device}");
        await BrowserApp.AssertAccessibleAsync(page);

        // A good file large enough for the bar to be seen moving: 3,000 quick wins over the three demo regencies.
        var rows = Enumerable.Range(1, 3000).Select(i =>
            $"{(i % 3) switch { 0 => "33.20", 1 => "35.17", _ => "33.27" }},Impor {t} nomor {i},,,{Dimensions[i % 6]},,2024-01-01,31/12/2025,\"{i},5\",APBD,ItSystem,Running");
        await UploadAsync(page, "quick-wins-good.csv", string.Join("\r\n", [Header, .. rows]));
        await Assertions.Expect(page.GetByTestId("import-ready")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("import-counts")).ToContainTextAsync("3.000");
        await BrowserApp.ScreenshotAsync(page, $"imports-ready-{device}");
        await BrowserApp.AssertAccessibleAsync(page);

        await page.GetByTestId("import-commit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-progress")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("import-progress-text")).ToContainTextAsync("dari 3.000 baris");
        await BrowserApp.ScreenshotAsync(page, $"imports-progress-{device}");
        await Assertions.Expect(page.GetByTestId("import-committed")).ToContainTextAsync("3.000 baris", new() { Timeout = 30_000 });
        await BrowserApp.ScreenshotAsync(page, $"imports-done-{device}");
        await BrowserApp.AssertAccessibleAsync(page);

        await using var db = app.CreateDbContext();
        Assert.Equal(3000, await db.QuickWins.CountAsync(q => q.Name.StartsWith("Impor " + t + " ")));
    }
}
