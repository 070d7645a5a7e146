using Microsoft.Playwright;

namespace SmartCity.EndToEndTests.Journeys;

/// <summary>
/// Issue 5's journey: Jombang's planner drafts a masterplan block by block with a programme per dimension and submits it; an assessor
/// requests a revision with a comment on the vision; the planner answers, revises and resubmits; the admin approves; the versions
/// page shows the change and the official document downloads.
/// </summary>
public sealed class MasterplanJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly (string Code, string Name)[] Dimensions =
    [
        ("GOV", "Tata Kelola Pemerintahan Cerdas"), ("BRA", "Pemasaran Daerah Cerdas"), ("ECO", "Ekonomi Cerdas"),
        ("LIV", "Kehidupan Cerdas"), ("SOC", "Masyarakat Cerdas"), ("ENV", "Lingkungan Cerdas"),
    ];

    private static async Task OpenTabAsync(IPage page, string name) =>
        await page.GetByRole(AriaRole.Tab).Filter(new() { HasText = name }).ClickAsync();

    private static async Task TypeAndSaveAsync(IPage page, string inputId, string text, string saveTestId)
    {
        await page.Locator($"#{inputId}").FillAsync(text);
        await Assertions.Expect(page.GetByTestId(saveTestId)).ToBeEnabledAsync();
        await page.GetByTestId(saveTestId).ClickAsync();
        await Assertions.Expect(page.GetByTestId(saveTestId)).ToBeDisabledAsync();

        // No wait for the save to land: the next text may be typed into the same block while it is on its way, and must survive it.
    }

    private static async Task ConfirmAsync(IPage page, string button) =>
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();

    private static async Task AddProgrammeAsync(IPage page, string name, string dimension, int start, int end)
    {
        await page.GetByTestId("programme-add").ClickAsync();
        var dialog = page.GetByTestId("plan-programme-dialog");
        await dialog.Locator("#pp-name").FillAsync(name);
        await BrowserApp.ChooseAsync(page, dialog.GetByTestId("pp-dimension"), dimension);
        await dialog.Locator("#pp-start").FillAsync(start.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await dialog.Locator("#pp-start").BlurAsync();
        await dialog.Locator("#pp-end").FillAsync(end.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await dialog.Locator("#pp-end").BlurAsync();
        await dialog.Locator("#pp-budget").FillAsync("250.000.000");
        await dialog.Locator("#pp-budget").BlurAsync();
        await page.GetByTestId("plan-programme-save").ClickAsync();
        await Assertions.Expect(dialog).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Planner_drafts_and_submits_assessor_requests_revision_planner_resubmits_admin_approves()
    {
        // Bappeda Jombang starts the next plan.
        var planner = await app.SignedInPageAsync("bappeda.jombang");
        await planner.GotoAsync("/masterplans");
        await BrowserApp.WaitInteractiveAsync(planner);
        await planner.GetByTestId("masterplan-new").ClickAsync();
        await planner.Locator("#masterplan-title").FillAsync("Masterplan Smart City Kabupaten Jombang 2031–2036");
        await planner.Locator("#masterplan-start").FillAsync("2031");
        await planner.Locator("#masterplan-end").FillAsync("2036");
        await planner.Locator("#masterplan-rpjmd").FillAsync("RPJMD Kabupaten Jombang 2030–2035");
        await planner.Locator("#masterplan-rpjmd-start").FillAsync("2030");
        await planner.Locator("#masterplan-rpjmd-end").FillAsync("2035");
        await planner.Locator("#masterplan-rpjmd-end").BlurAsync();
        await planner.GetByTestId("masterplan-save").ClickAsync();
        await planner.WaitForURLAsync("**/masterplans/*");
        await BrowserApp.WaitInteractiveAsync(planner);
        var planUrl = planner.Url;
        await Assertions.Expect(planner.GetByTestId("completeness-issue").First).ToBeVisibleAsync();

        // 1. Strategic analysis: the readiness grid and the gap analysis.
        foreach (var component in new[] { 11, 12, 13, 21, 22, 23, 31, 32, 33 })
        {
            await BrowserApp.ChooseAsync(planner, planner.GetByTestId($"readiness-{component}-grade"), "Baik");
        }

        await planner.GetByTestId("readiness-save").ClickAsync();
        await Assertions.Expect(planner.GetByTestId("completeness")).Not.ToContainTextAsync("komponen kesiapan");
        await TypeAndSaveAsync(planner, "mp-analysis-GapAnalysis", "Layanan publik belum terintegrasi; target 2036 layanan digital terpadu.", "save-analysis");

        // 2. Vision, missions and a goal.
        await OpenTabAsync(planner, "2. Visi");
        await TypeAndSaveAsync(planner, "mp-vision-Vision", "Jombang cerdas, melayani dan sejahtera.", "save-vision");
        await TypeAndSaveAsync(planner, "mp-vision-Missions", "1. Layanan publik digital terpadu.\n2. Ekonomi desa berbasis data.", "save-vision");
        await planner.GetByTestId("goal-add").ClickAsync();
        await BrowserApp.ChooseAsync(planner, planner.GetByTestId("goal-dimension"), "GOV");
        await planner.Locator("#goal-text").FillAsync("Layanan perizinan sepenuhnya daring");
        await planner.Locator("#goal-indicator").FillAsync("Jenis izin daring");
        await planner.Locator("#goal-target").FillAsync("74");
        await planner.Locator("#goal-target").BlurAsync();
        await planner.GetByTestId("goal-save").ClickAsync();
        await Assertions.Expect(planner.GetByTestId("goal-row")).ToHaveCountAsync(1);

        // 3. A strategy per dimension; 4. a programme per dimension.
        await OpenTabAsync(planner, "3. Strategi");
        foreach (var (code, name) in Dimensions)
        {
            await TypeAndSaveAsync(planner, $"mp-strategy-{code}-Strategy", $"Strategi {name} 2031–2036.", $"save-strategy-{code}");
        }

        await OpenTabAsync(planner, "4. Program");
        foreach (var (code, name) in Dimensions)
        {
            await AddProgrammeAsync(planner, $"Program {name}", name, 2031, 2033);
        }

        await Assertions.Expect(planner.GetByTestId("programme-row")).ToHaveCountAsync(6);
        await OpenTabAsync(planner, "5. Peta jalan");
        await Assertions.Expect(planner.GetByTestId("roadmap-bar")).ToHaveCountAsync(6);

        // 7. Commitment.
        await OpenTabAsync(planner, "7. Komitmen");
        await planner.GetByTestId("signatory-add").ClickAsync();
        await planner.Locator("#signatory-name").FillAsync("Bupati Jombang");
        await planner.Locator("#signatory-position").FillAsync("Bupati");
        await planner.GetByTestId("signatory-save").ClickAsync();
        await Assertions.Expect(planner.GetByTestId("signatory-row")).ToHaveCountAsync(1);
        await Assertions.Expect(planner.GetByTestId("completeness-ok")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(planner, "masterplan-editor-desktop");
        await BrowserApp.AssertAccessibleAsync(planner);

        await planner.GetByTestId("masterplan-submit").ClickAsync();
        await ConfirmAsync(planner, "Ajukan");
        await Assertions.Expect(planner.GetByTestId("masterplan-state")).ToContainTextAsync("Diajukan");
        await Assertions.Expect(planner.GetByTestId("masterplan-submit")).ToHaveCountAsync(0);

        // The assessor asks for a revision of the vision.
        var assessor = await app.SignedInPageAsync("penilai1");
        await assessor.GotoAsync(planUrl);
        await BrowserApp.WaitInteractiveAsync(assessor);
        await assessor.GetByTestId("masterplan-revision").ClickAsync();
        await assessor.Locator("#revision-text").FillAsync("Visi belum menyebut layanan kesehatan; lengkapi.");
        await assessor.GetByTestId("revision-send").ClickAsync();
        await Assertions.Expect(assessor.GetByTestId("masterplan-state")).ToContainTextAsync("Perlu revisi");

        // The planner answers, resolves, revises the vision and resubmits as version 2.
        await planner.ReloadAsync();
        await BrowserApp.WaitInteractiveAsync(planner);
        await OpenTabAsync(planner, "2. Visi");
        var thread = planner.GetByTestId("comment-thread").First;
        await Assertions.Expect(thread).ToContainTextAsync("layanan kesehatan");
        await thread.Locator("textarea, input").First.FillAsync("Sudah kami tambahkan pada visi.");
        await thread.GetByTestId("comment-reply").ClickAsync();

        // The answer shows as a comment once saved (the field's own text is not enough: an auto-sized field mirrors it in the page).
        await Assertions.Expect(thread.GetByTestId("comment-text").Filter(new() { HasText = "Sudah kami tambahkan" })).ToHaveCountAsync(1);
        await thread.GetByTestId("comment-resolve").ClickAsync();
        await Assertions.Expect(planner.GetByTestId("comment-resolved")).ToBeVisibleAsync();
        await TypeAndSaveAsync(planner, "mp-vision-Vision", "Jombang cerdas, melayani, sehat dan sejahtera.", "save-vision");
        await BrowserApp.ScreenshotAsync(planner, "masterplan-revision-desktop");
        await planner.GetByTestId("masterplan-submit").ClickAsync();
        await ConfirmAsync(planner, "Ajukan");
        await Assertions.Expect(planner.GetByTestId("masterplan-version")).ToContainTextAsync("versi 2");

        // The admin approves version 2.
        var admin = await app.SignedInPageAsync("admin");
        await admin.GotoAsync(planUrl);
        await BrowserApp.WaitInteractiveAsync(admin);
        await admin.GetByTestId("masterplan-approve").ClickAsync();
        await ConfirmAsync(admin, "Setujui");
        await Assertions.Expect(admin.GetByTestId("masterplan-state")).ToContainTextAsync("Disetujui");

        // The versions page shows the vision's change; the document downloads.
        await admin.GotoAsync(planUrl + "/versions?from=1&to=2");
        await BrowserApp.WaitInteractiveAsync(admin);
        await Assertions.Expect(admin.GetByTestId("version-row")).ToHaveCountAsync(2);
        await Assertions.Expect(admin.GetByTestId("diff-summary")).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator("ins").Filter(new() { HasText = "sehat" }).First).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(admin, "masterplan-versions-desktop");
        await BrowserApp.AssertAccessibleAsync(admin);
        var download = await admin.RunAndWaitForDownloadAsync(() => admin.GetByTestId("version-document").Last.ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
        var path = await download.PathAsync();
        var head = new byte[2];
        await using (var file = File.OpenRead(path))
        {
            await file.ReadExactlyAsync(head);
        }

        Assert.Equal("PK"u8.ToArray(), head);

        // Phones: the editor and the versions page at 360 px.
        var phone = await app.SignedInPageAsync("bappeda.jombang", 360, 780);
        await phone.GotoAsync(planUrl);
        await BrowserApp.WaitInteractiveAsync(phone);
        await Assertions.Expect(phone.GetByTestId("masterplan-tabs")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(phone, "masterplan-editor-phone");
        await BrowserApp.AssertAccessibleAsync(phone);
        await phone.GotoAsync(planUrl + "/versions?from=1&to=2");
        await BrowserApp.WaitInteractiveAsync(phone);
        await Assertions.Expect(phone.GetByTestId("diff-summary")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(phone, "masterplan-versions-phone");
    }
}
