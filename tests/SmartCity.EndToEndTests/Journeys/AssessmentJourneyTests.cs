using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using SmartCity.Domain.Assessments;
using SmartCity.Domain.Common;

namespace SmartCity.EndToEndTests.Journeys;

/// <summary>
/// Issue 6's journey: the admin prepares and opens a selection round for Jepara and Pemalang with penilai1 and penilai2; Jepara
/// self-assesses; both assessors score Jepara with evidence (Pemalang's scores are inserted directly to keep the journey short);
/// a divergent cell is reconciled; the admin finalises; results and ranks show and Jepara's letter downloads.
/// The round's dates start today (WIB); the test clock then moves to the scoring and reconciliation days.
/// </summary>
public sealed class AssessmentJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
    private static readonly string[] Criteria = ["KPD", "KS", "VPD", "ATIK", "IA"];

    private static async Task TypeDateAsync(IPage page, string label, DateOnly date)
    {
        var input = page.GetByRole(AriaRole.Dialog).GetByLabel(label, new() { Exact = true });
        await input.FillAsync(date.ToString("dd MMM yyyy", Indonesian));
        await input.PressAsync("Tab");
        await page.Keyboard.PressAsync("Escape");
    }

    private static async Task ConfirmAsync(IPage page, string button) =>
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();

    private static async Task ScoreCellAsync(IPage page, string criterion, string score, string text, bool withEvidence)
    {
        var cell = page.GetByTestId($"cell-{criterion}-ALL");
        await BrowserApp.ChooseAsync(page, cell.GetByTestId("cell-score"), score);
        await cell.Locator("textarea").First.FillAsync(text);
        if (withEvidence)
        {
            await BrowserApp.ChooseAsync(page, cell.GetByTestId("evidence-kind"), "Quick win");
            await BrowserApp.ChooseAsync(page, cell.GetByTestId("evidence-quick-win"), "JOSS");
        }

        await cell.GetByTestId("cell-save").ClickAsync();
        await Assertions.Expect(cell.GetByTestId("cell-saved")).ToBeVisibleAsync();
    }

    private static DateTimeOffset TenInTheMorningWib(DateOnly day) => new(day.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero);

    [Fact]
    public async Task Admin_opens_a_round_regency_self_assesses_assessors_score_reconcile_and_the_admin_finalises()
    {
        var today = app.Clock.Today(IndonesianTimeZone.Wib);
        var admin = await app.SignedInPageAsync("admin");

        // The templates a round copies: saving one makes its next version.
        await admin.GotoAsync("/assessments/instruments");
        await BrowserApp.WaitInteractiveAsync(admin);
        await Assertions.Expect(admin.GetByTestId("template-row")).ToHaveCountAsync(2);
        await Assertions.Expect(admin.GetByTestId("template-editor")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(admin, "assessment-templates-desktop");
        await BrowserApp.AssertAccessibleAsync(admin);

        // The admin prepares the round: dates in WIB, the selection template, Jepara and Pemalang, two assessors each.
        await admin.GotoAsync("/assessments");
        await BrowserApp.WaitInteractiveAsync(admin);
        await admin.GetByTestId("round-new").ClickAsync();
        var roundName = $"Penilaian Seleksi Uji {today.Year}";
        await admin.Locator("#round-name").FillAsync(roundName);
        await admin.Locator("#round-year").FillAsync(today.Year.ToString(CultureInfo.InvariantCulture));
        await BrowserApp.ChooseAsync(admin, admin.GetByTestId("round-kind"), "Seleksi/kesiapan");
        await BrowserApp.ChooseAsync(admin, admin.GetByTestId("round-template"), "Instrumen Seleksi 2021");
        await TypeDateAsync(admin, "Penilaian mandiri mulai", today);
        await TypeDateAsync(admin, "Penilaian asesor mulai", today.AddDays(1));
        await TypeDateAsync(admin, "Rekonsiliasi mulai", today.AddDays(2));
        await TypeDateAsync(admin, "Finalisasi", today.AddDays(3));
        await admin.GetByTestId("round-save").ClickAsync();
        await admin.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/assessments/\\d+$"));
        await BrowserApp.WaitInteractiveAsync(admin);
        var roundUrl = admin.Url;
        var roundId = int.Parse(roundUrl[(roundUrl.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);

        await admin.GetByRole(AriaRole.Tab).Filter(new() { HasText = "Peserta" }).ClickAsync();
        await admin.GetByTestId("participants-add").ClickAsync();
        await admin.GetByTestId("participants-dialog").GetByText("Daftar kode").ClickAsync();
        await admin.Locator("#participants-codes").FillAsync("33.20\n33.27");
        await admin.GetByTestId("participants-save").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("participants-dialog")).ToBeHiddenAsync();

        await admin.GetByRole(AriaRole.Tab).Filter(new() { HasText = "Asesor" }).ClickAsync();
        foreach (var regency in new[] { "Jepara", "Pemalang" })
        {
            foreach (var assessor in new[] { "penilai1", "penilai2" })
            {
                await admin.GetByTestId("assignments-table").Locator("tr").Filter(new() { HasText = regency }).GetByTestId("assign").ClickAsync();
                await BrowserApp.ChooseAsync(admin, admin.GetByTestId("assign-assessor"), $"({assessor})");
                await admin.GetByTestId("assign-save").ClickAsync();
                await Assertions.Expect(admin.GetByTestId("assign-dialog")).ToBeHiddenAsync();
            }
        }

        await Assertions.Expect(admin.GetByTestId("assessor-chip")).ToHaveCountAsync(4);
        await BrowserApp.ScreenshotAsync(admin, "assessment-round-desktop");
        await BrowserApp.AssertAccessibleAsync(admin);
        await admin.GetByTestId("round-open").ClickAsync();
        await ConfirmAsync(admin, "Buka ronde");
        await Assertions.Expect(admin.GetByTestId("round-open")).ToHaveCountAsync(0);

        // Jepara's Diskominfo fills and submits its self-assessment.
        var staff = await app.SignedInPageAsync("diskominfo.jepara");
        await staff.GotoAsync($"/assessments/{roundId}/self-assessment");
        await BrowserApp.WaitInteractiveAsync(staff);
        foreach (var criterion in Criteria)
        {
            await ScoreCellAsync(staff, criterion, "4", $"Penilaian mandiri {criterion}: dokumen dan layanan tersedia.", withEvidence: false);
        }

        await staff.GetByTestId("self-submit").ClickAsync();
        await ConfirmAsync(staff, "Kirim penilaian mandiri");
        await Assertions.Expect(staff.GetByTestId("self-submitted")).ToBeVisibleAsync();

        // Scoring day: both assessors score Jepara with evidence; they diverge on KPD (5 and 2, threshold 1).
        // Sessions signed in days before have expired by then: each user signs in on the day (the harness keeps three pages open).
        using (app.Clock.Pin(TenInTheMorningWib(today.AddDays(1))))
        {
            var first = await app.SignedInPageAsync("penilai1");
            var second = await app.SignedInPageAsync("penilai2");
            await ScoreAsAsync(first, roundId, "5");
            await ScoreAsAsync(second, roundId, "2");
            await InsertPemalangScoresAsync(roundId);
        }

        // Reconciliation day: penilai1 records the agreed score; the admin finalises.
        using (app.Clock.Pin(TenInTheMorningWib(today.AddDays(2))))
        {
            var first = await app.SignedInPageAsync("penilai1");
            admin = await app.SignedInPageAsync("admin");
            await first.GotoAsync($"/assessments/{roundId}/reconciliation");
            await BrowserApp.WaitInteractiveAsync(first);
            var divergent = first.GetByTestId("divergent-33.20-KPD-ALL");
            await BrowserApp.ChooseAsync(first, divergent.GetByTestId("reconcile-score"), "4");
            await divergent.Locator("textarea, input[type=text]").Last.FillAsync("Disepakati 4 setelah wawancara dengan Sekda.");
            await divergent.GetByTestId("reconcile-save").ClickAsync();
            await Assertions.Expect(divergent.GetByTestId("reconciled")).ToBeVisibleAsync();

            await admin.GotoAsync($"/assessments/{roundId}/results");
            await BrowserApp.WaitInteractiveAsync(admin);
            await admin.GetByTestId("finalise").ClickAsync();
            await ConfirmAsync(admin, "Finalisasi");
            await Assertions.Expect(admin.GetByTestId("finalise")).ToHaveCountAsync(0);
            await Assertions.Expect(admin.GetByTestId("result-row")).ToHaveCountAsync(2);
            await Assertions.Expect(admin.GetByTestId("results-table")).ToContainTextAsync("Jepara");
            await BrowserApp.ScreenshotAsync(admin, "assessment-results-desktop");
            await BrowserApp.AssertAccessibleAsync(admin);
        }

        // Jepara's user sees its own result and downloads its letter.
        staff = await app.SignedInPageAsync("diskominfo.jepara");
        await staff.GotoAsync($"/assessments/{roundId}/results");
        await BrowserApp.WaitInteractiveAsync(staff);
        await Assertions.Expect(staff.GetByTestId("result-row")).ToHaveCountAsync(1);
        var download = await staff.RunAndWaitForDownloadAsync(() => staff.GetByTestId("letter-download").First.ClickAsync());
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);

        await using (var db = app.CreateDbContext())
        {
            var results = await db.RoundParticipants.AsNoTracking().Where(p => p.RoundId == roundId).ToListAsync();
            Assert.All(results, r => Assert.NotNull(r.Index));
            Assert.All(results, r => Assert.NotNull(r.LetterNumber));
            Assert.Contains(results, r => r.NationalRank == 1);
        }

        var phone = await app.SignedInPageAsync("admin", 360, 780);
        await phone.GotoAsync($"/assessments/{roundId}/results");
        await BrowserApp.WaitInteractiveAsync(phone);
        await Assertions.Expect(phone.GetByTestId("result-row").First).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(phone, "assessment-results-phone");
        await BrowserApp.AssertAccessibleAsync(phone);
    }

    private static async Task ScoreAsAsync(IPage page, int roundId, string kpd)
    {
        await page.GotoAsync($"/assessments/{roundId}/scoring/33.20");
        await BrowserApp.WaitInteractiveAsync(page);
        foreach (var criterion in Criteria)
        {
            await ScoreCellAsync(page, criterion, criterion == "KPD" ? kpd : "4", $"Dokumen {criterion} diperiksa dan sesuai dengan kondisi lapangan.", withEvidence: true);
        }

        await BrowserApp.ScreenshotAsync(page, "assessment-scoring-desktop");
        await page.GetByTestId("scoring-submit").ClickAsync();
        await ConfirmAsync(page, "Kirim penilaian");
        await Assertions.Expect(page.GetByTestId("scoring-submitted")).ToBeVisibleAsync();
    }

    /// <summary>Pemalang's cells for both assessors, each citing an interview note (the UI path is the one tested above for Jepara).</summary>
    private async Task InsertPemalangScoresAsync(int roundId)
    {
        await using var db = app.CreateDbContext();
        var pemalang = await db.Regencies.Where(r => r.Code == "33.27").Select(r => r.Id).SingleAsync();
        var criteria = await db.AssessmentRounds.Where(r => r.Id == roundId)
            .SelectMany(r => r.Instrument!.Criteria).Select(c => c.Id).ToListAsync();
        var assessors = await db.Users.Where(u => u.UserName == "penilai1" || u.UserName == "penilai2").Select(u => u.Id).ToListAsync();
        foreach (var assessor in assessors)
        {
            db.AssessorScores.AddRange(criteria.Select(c => new AssessorScore
            {
                RoundId = roundId,
                RegencyId = pemalang,
                CriterionId = c,
                AssessorId = assessor,
                Score = 3,
                EvidenceKind = EvidenceKind.Interview,
                InterviewDate = new DateOnly(2026, 11, 20),
                IntervieweeName = "Nugroho Budi Rahardjo",
                IntervieweePosition = "Kepala Diskominfo",
                InterviewText = "Wawancara tentang kesiapan layanan digital daerah.",
                UpdatedAt = app.Clock.GetUtcNow(),
            }));
        }

        await db.SaveChangesAsync();
    }
}
