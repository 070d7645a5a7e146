using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using SmartCity.Domain.Common;

namespace SmartCity.EndToEndTests.Journeys;

/// <summary>
/// Issue 4's journey: Diskominfo registers a quick win with two milestones, reports with evidence, the verifier returns it
/// with a reason, the author fixes and resubmits, the verifier verifies, and the progress shows on the regency page.
/// </summary>
public sealed class QuickWinJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static Task ChooseAsync(IPage page, string testId, string option) => BrowserApp.ChooseAsync(page, page.GetByTestId(testId), option);

    /// <summary>A date as a user types it in Bahasa Indonesia (dd MMM yyyy).</summary>
    private static string Typed(DateOnly date) => date.ToString("dd MMM yyyy", CultureInfo.GetCultureInfo("id-ID"));

    private static async Task TypeDateAsync(IPage page, string label, string date)
    {
        var input = page.GetByRole(AriaRole.Dialog).GetByLabel(label, new() { Exact = true });
        await input.FillAsync(date);
        await input.PressAsync("Tab");
        await page.Keyboard.PressAsync("Escape");
    }

    /// <summary>Sets the file once Blazor's InputFile has hooked the input (a file set earlier would go unnoticed).</summary>
    private static async Task UploadAsync(IPage page, string name, string type, byte[] content)
    {
        await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=evidence-panel] input[type=file]')?._blazorInputFileNextFileId !== undefined");
        await page.Locator("[data-testid=evidence-panel] input[type=file]").SetInputFilesAsync(new FilePayload { Name = name, MimeType = type, Buffer = content });
    }

    private static async Task AddMilestoneAsync(IPage page, string name, string weight, string? done)
    {
        await page.GetByTestId("milestone-add").ClickAsync();
        await page.Locator("#milestone-name").FillAsync(name);
        await page.Locator("#milestone-weight").FillAsync(weight);
        await page.Locator("#milestone-weight").BlurAsync();
        if (done is not null)
        {
            await TypeDateAsync(page, "Tanggal selesai", done);
        }

        await page.GetByTestId("milestone-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("milestone-dialog")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Diskominfo_reports_the_verifier_returns_then_verifies_and_progress_shows()
    {
        // Dates follow the app's programme clock: Jepara is in WIB, and the report is for the period that contains today.
        var today = app.Clock.Today(IndonesianTimeZone.Wib);
        var staff = await app.SignedInPageAsync("diskominfo.jepara");
        await staff.GotoAsync("/quick-wins");
        await BrowserApp.WaitInteractiveAsync(staff);
        await Assertions.Expect(staff.GetByTestId("quick-win-link").First).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(staff, "quick-win-register-desktop");
        await BrowserApp.AssertAccessibleAsync(staff);

        await staff.GetByTestId("quick-win-new").ClickAsync();
        await staff.Locator("#qw-name").FillAsync("Sistem Informasi Pelayanan Administrasi Kependudukan");
        await staff.Locator("#qw-acronym").FillAsync("SIPANDU");
        await ChooseAsync(staff, "qw-dimension", "Tata kelola");
        await TypeDateAsync(staff, "Tanggal mulai", Typed(today.AddMonths(-10)));
        await TypeDateAsync(staff, "Tanggal target", Typed(today.AddMonths(1)));
        await staff.Locator("#qw-budget").FillAsync("1.500.000");
        await staff.Locator("#qw-budget").BlurAsync();
        await BrowserApp.ScreenshotAsync(staff, "quick-win-dialog-desktop");
        await staff.GetByTestId("quick-win-save").ClickAsync();
        await staff.WaitForURLAsync("**/quick-wins/*");
        await BrowserApp.WaitInteractiveAsync(staff);
        await Assertions.Expect(staff.GetByTestId("page-title")).ToHaveTextAsync("SIPANDU");
        await Assertions.Expect(staff.GetByTestId("quick-win-details")).ToContainTextAsync("Rp1.500.000");

        await AddMilestoneAsync(staff, "Analisis kebutuhan", "2,5", Typed(today.AddDays(-13)));
        await AddMilestoneAsync(staff, "Uji coba layanan", "7,5", null);
        await Assertions.Expect(staff.GetByTestId("milestone-row")).ToHaveCountAsync(2);
        await Assertions.Expect(staff.GetByTestId("milestone-completion")).ToContainTextAsync("25 %");
        await BrowserApp.ScreenshotAsync(staff, "quick-win-page-desktop");
        await BrowserApp.AssertAccessibleAsync(staff);

        await staff.GetByTestId("report-new").ClickAsync();
        await staff.WaitForURLAsync("**/reports/new");
        await BrowserApp.WaitInteractiveAsync(staff);
        await staff.GetByTestId("use-proposed").ClickAsync();
        await Assertions.Expect(staff.Locator("#report-percent")).ToHaveValueAsync("25");
        await staff.Locator("#report-narrative").FillAsync("Analisis kebutuhan selesai bersama Disdukcapil.");
        await staff.GetByTestId("report-save").ClickAsync();
        await staff.WaitForURLAsync("**/reports/*");
        await Assertions.Expect(staff.GetByTestId("report-evidence")).ToBeVisibleAsync();
        await UploadAsync(staff, "laporan.pdf", "text/html", Encoding.ASCII.GetBytes("<html><script>alert(1)</script></html>"));
        await Assertions.Expect(staff.GetByTestId("evidence-error")).ToBeVisibleAsync();
        await Assertions.Expect(staff.GetByTestId("evidence-row")).ToHaveCountAsync(0);
        await UploadAsync(staff, "berita-acara.pdf", "application/pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"));
        await Assertions.Expect(staff.GetByTestId("evidence-row")).ToContainTextAsync("berita-acara.pdf");
        await BrowserApp.ScreenshotAsync(staff, "report-form-desktop");
        await BrowserApp.AssertAccessibleAsync(staff);
        await staff.GetByTestId("report-submit").ClickAsync();
        await Assertions.Expect(staff.GetByTestId("report-view")).ToBeVisibleAsync();
        var reportUrl = staff.Url;

        var verifier = await app.SignedInPageAsync("verifikator.jepara");
        await verifier.GotoAsync("/quick-wins/verification");
        await BrowserApp.WaitInteractiveAsync(verifier);
        await verifier.GetByTestId("queue-report-link").Filter(new() { HasText = "SIPANDU" }).ClickAsync();
        await BrowserApp.WaitInteractiveAsync(verifier);
        await verifier.GetByTestId("report-return").ClickAsync();
        await Assertions.Expect(verifier.GetByTestId("report-decision")).ToContainTextAsync("Wajib diisi.");
        await verifier.Locator("#return-reason").FillAsync("Lampirkan berita acara analisis kebutuhan.");
        await BrowserApp.ScreenshotAsync(verifier, "report-decision-desktop");
        await BrowserApp.AssertAccessibleAsync(verifier);
        await verifier.GetByTestId("report-return").ClickAsync();
        await Assertions.Expect(verifier.GetByTestId("report-decision")).ToBeHiddenAsync();

        await staff.GotoAsync(reportUrl);
        await BrowserApp.WaitInteractiveAsync(staff);
        await Assertions.Expect(staff.GetByTestId("return-reason")).ToContainTextAsync("berita acara");
        await staff.Locator("#report-narrative").FillAsync("Analisis kebutuhan selesai; berita acara terlampir.");
        await staff.GetByTestId("report-submit").ClickAsync();
        await Assertions.Expect(staff.GetByTestId("report-view")).ToBeVisibleAsync();
        await Assertions.Expect(staff.GetByTestId("own-report")).ToBeVisibleAsync();

        await verifier.GotoAsync(reportUrl);
        await BrowserApp.WaitInteractiveAsync(verifier);
        await verifier.GetByTestId("report-verify").ClickAsync();
        await Assertions.Expect(verifier.GetByTestId("report-history")).ToContainTextAsync("verifikator.jepara");
        await Assertions.Expect(verifier.GetByTestId("evidence-row")).ToContainTextAsync("berita-acara.pdf");
        await Assertions.Expect(verifier.GetByTestId("evidence-remove")).ToHaveCountAsync(0);

        await staff.GotoAsync("/regencies/33.20?tab=quick-wins");
        await BrowserApp.WaitInteractiveAsync(staff);
        var row = staff.GetByTestId("quick-win-row").Filter(new() { HasText = "SIPANDU" });
        await Assertions.Expect(row.GetByTestId("progress")).ToContainTextAsync("25 %");
        await Assertions.Expect(row.GetByTestId("progress-terms")).ToContainTextAsync(ReportingPeriod.Containing(today, ReportingPeriodKind.Monthly).ToString());
        await BrowserApp.ScreenshotAsync(staff, "regency-quick-wins-after-report-desktop");
    }

    [Fact]
    public async Task A_second_browser_editing_the_same_quick_win_sees_the_conflict_and_keeps_its_text()
    {
        var first = await app.SignedInPageAsync("diskominfo.jepara");
        var second = await app.SignedInPageAsync("verifikator.jepara");
        await first.GotoAsync("/quick-wins");
        await BrowserApp.WaitInteractiveAsync(first);
        await first.GetByTestId("quick-win-link").Filter(new() { HasText = "TIC" }).ClickAsync();
        await first.WaitForURLAsync("**/quick-wins/*");
        var url = first.Url;
        await BrowserApp.WaitInteractiveAsync(first);
        await second.GotoAsync(url);
        await BrowserApp.WaitInteractiveAsync(second);

        await first.GetByTestId("quick-win-edit").ClickAsync();
        await second.GetByTestId("quick-win-edit").ClickAsync();
        await first.Locator("#qw-budget-source").FillAsync("APBD Perubahan");
        await first.GetByTestId("quick-win-save").ClickAsync();
        await Assertions.Expect(first.GetByTestId("quick-win-dialog")).ToBeHiddenAsync();

        await second.Locator("#qw-acronym").FillAsync("TIC Jepara");
        await second.GetByTestId("quick-win-save").ClickAsync();
        await Assertions.Expect(second.GetByTestId("conflict")).ToContainTextAsync("diskominfo.jepara");
        await Assertions.Expect(second.GetByTestId("conflict-fields")).ToContainTextAsync("APBD Perubahan");
        await Assertions.Expect(second.Locator("#qw-acronym")).ToHaveValueAsync("TIC Jepara");
        await BrowserApp.ScreenshotAsync(second, "quick-win-conflict-desktop");
        await BrowserApp.AssertAccessibleAsync(second);
    }

    [Fact]
    public async Task Typed_narrative_survives_a_reload_before_it_was_saved()
    {
        var staff = await app.SignedInPageAsync("diskominfo.jepara", 360, 740);
        await staff.GotoAsync("/quick-wins");
        await BrowserApp.WaitInteractiveAsync(staff);
        await BrowserApp.ScreenshotAsync(staff, "quick-win-register-mobile");
        await staff.GetByTestId("quick-win-link").Filter(new() { HasText = "Simpus" }).ClickAsync();
        await staff.WaitForURLAsync("**/quick-wins/*");
        await BrowserApp.WaitInteractiveAsync(staff);
        await BrowserApp.ScreenshotAsync(staff, "quick-win-page-mobile");
        await staff.GetByTestId("report-new").ClickAsync();
        await staff.WaitForURLAsync("**/reports/new");
        await BrowserApp.WaitInteractiveAsync(staff);

        // Without a percent the draft cannot be saved on the server, so only the browser keeps the text.
        await staff.Locator("#report-percent").FillAsync("");
        await staff.Locator("#report-narrative").PressSequentiallyAsync("Integrasi BPJS di 5 puskesmas.");
        await BrowserApp.ScreenshotAsync(staff, "report-form-mobile");
        await staff.ReloadAsync();
        await BrowserApp.WaitInteractiveAsync(staff);

        await Assertions.Expect(staff.GetByTestId("draft-restored")).ToBeVisibleAsync();
        await Assertions.Expect(staff.Locator("#report-narrative")).ToHaveValueAsync("Integrasi BPJS di 5 puskesmas.");
        await BrowserApp.AssertAccessibleAsync(staff);
    }
}
