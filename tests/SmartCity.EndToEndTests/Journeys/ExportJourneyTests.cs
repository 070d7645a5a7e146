using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.Playwright;

namespace SmartCity.EndToEndTests.Journeys;

/// <summary>
/// A Diskominfo user exports Jepara's quick wins from the register: the menu, the download handed over by download.js,
/// and a file that opens.
/// </summary>
public sealed class ExportJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Theory]
    [InlineData("desktop", 1366, 900)]
    [InlineData("mobile", 360, 740)]
    public async Task A_regency_user_downloads_the_register_as_xlsx_and_csv(string device, int width, int height)
    {
        var page = await app.SignedInPageAsync("diskominfo.jepara", width, height);
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        await page.GotoAsync("/quick-wins");
        await BrowserApp.WaitInteractiveAsync(page);

        var menu = page.GetByRole(AriaRole.Button, new() { Name = "Ekspor" });
        await Assertions.Expect(menu).ToBeVisibleAsync();
        await menu.ClickAsync();
        await Assertions.Expect(page.GetByTestId("export-xlsx")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, $"export-menu-{device}");
        await BrowserApp.AssertAccessibleAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByText("Excel (.xlsx)").ClickAsync());
        Assert.Matches(@"^quick-win-33\.20-\d{4}-\d{2}-\d{2}\.xlsx$", download.SuggestedFilename);
        var path = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(path);
        try
        {
            using var doc = SpreadsheetDocument.Open(path, false);
            Assert.Empty(new OpenXmlValidator().Validate(doc));
            Assert.Equal(3, doc.WorkbookPart!.WorksheetParts.Count());
        }
        finally
        {
            File.Delete(path);
        }

        await Assertions.Expect(page.GetByText("siap diunduh")).ToBeVisibleAsync();
        await Assertions.Expect(menu).ToBeEnabledAsync();
        await Assertions.Expect(page.GetByTestId("export-progress")).ToHaveCountAsync(0);

        await menu.ClickAsync();
        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByText("CSV laporan").ClickAsync());
        Assert.Matches(@"^quick-win-reports-33\.20-\d{4}-\d{2}-\d{2}\.csv$", csv.SuggestedFilename);
        await using (var stream = await csv.CreateReadStreamAsync())
        {
            var bom = new byte[3];
            await stream.ReadExactlyAsync(bom);
            Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bom);
        }

        await BrowserApp.ScreenshotAsync(page, $"export-done-{device}");
        Assert.Empty(errors);
    }
}
