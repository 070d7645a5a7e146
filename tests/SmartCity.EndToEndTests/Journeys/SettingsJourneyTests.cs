using Microsoft.Playwright;
using SmartCity.Testing;

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

    /// <summary>
    /// The official list re-imported: a file with a bad row is refused with the row named and nothing changes; a newer list (Jepara
    /// renamed, one new code) shows its changes, is applied after a confirmation, and the register then matches it.
    /// </summary>
    [Fact]
    public async Task An_admin_checks_a_newer_regency_list_and_applies_it()
    {
        var page = await app.SignedInPageAsync("admin", 1366, 900);
        await page.GotoAsync("/admin/reference");
        await BrowserApp.WaitInteractiveAsync(page);
        var current = await File.ReadAllTextAsync(Path.Combine(RepoPaths.ReferenceData, "regencies.csv"));

        await BrowserApp.UploadAsync(page, "salah.csv", "code,province_code,name\n33.20,33,Kabupaten Jepara\n99.01,99,Tidak Ada\n", "regency-list-file-name");
        await Assertions.Expect(page.GetByTestId("regency-list-bad")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("regency-change-Problem")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("regency-list-changes")).ToContainTextAsync("99.01");
        await Assertions.Expect(page.GetByTestId("regency-list-apply")).ToHaveCountAsync(0);

        var newer = current.Replace("33.20,33,Kabupaten Jepara", "33.20,33,Kabupaten Jepara Raya", StringComparison.Ordinal).TrimEnd() + "\n33.60,33,Kabupaten Uji Coba\n";
        await BrowserApp.UploadAsync(page, "kemendagri-2027.csv", newer, "regency-list-file-name");
        await Assertions.Expect(page.GetByTestId("regency-list-summary")).ToContainTextAsync("1 baru, 1 berganti nama atau provinsi, 513 tetap, 0 dinonaktifkan, 0 baris bermasalah");
        await Assertions.Expect(page.GetByTestId("regency-change-Renamed")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("regency-list-changes")).ToContainTextAsync("Kabupaten Jepara Raya");
        await BrowserApp.ScreenshotAsync(page, "regency-list-check-desktop");
        await BrowserApp.AssertAccessibleAsync(page);
        await page.SetViewportSizeAsync(360, 740);
        await BrowserApp.ScreenshotAsync(page, "regency-list-check-mobile");
        await BrowserApp.AssertAccessibleAsync(page);
        await page.SetViewportSizeAsync(1366, 900);

        await page.GetByTestId("regency-list-apply").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Terapkan perubahan" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("regency-list-applied")).ToContainTextAsync("1 baru, 1 diperbarui, 0 dinonaktifkan, 0 diaktifkan kembali");

        await BrowserApp.UploadAsync(page, "kemendagri-2027-lagi.csv", newer, "regency-list-file-name");
        await Assertions.Expect(page.GetByTestId("regency-list-same")).ToBeVisibleAsync();
        await page.GotoAsync("/regencies/33.20");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Kabupaten Jepara Raya");
    }
}
