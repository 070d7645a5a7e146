using Microsoft.EntityFrameworkCore;
using SmartCity.Domain.Assessments;
using SmartCity.IntegrationTests.Web;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.Assessments;
using static SmartCity.IntegrationTests.Assessments.AssessmentTestData;

namespace SmartCity.IntegrationTests.Assessments;

/// <summary>The regency's self-assessment: its Diskominfo and Bappeda users fill and submit it in its state; then it is read-only.</summary>
public sealed class SelfAssessmentServiceTests(SmallApp app) : IClassFixture<SmallApp>
{
    private static ScoreCellInput Self(int criterionId, int? dimensionId, decimal score, string? justification = "Perbup smart city sudah terbit.", uint version = 0) => new()
    {
        CriterionId = criterionId,
        DimensionId = dimensionId,
        Score = score,
        Text = justification,
        Version = version,
    };

    [Fact]
    public async Task Diskominfo_and_Bappeda_fill_the_matrix_with_evidence_submit_it_and_then_it_is_read_only()
    {
        var round = await CreateRoundAsync(app, [Jepara], ["penilai1"]);
        var jepara = await RegencyIdAsync(app, Jepara);
        var quickWin = await QuickWinIdAsync(app, Jepara);
        var file = await FileIdAsync(app, Jepara);
        await using var diskominfo = await app.AsAsync("diskominfo.jepara");
        await using var bappeda = await app.AsAsync("bappeda.jepara");
        using var pin = app.Clock.Pin(round.SelfAssessmentDay);
        var cells = round.Cells().ToList();

        var blank = (await diskominfo.Get<SelfAssessmentService>().GetOwnAsync(round.Id))!;
        Assert.Equal((RoundState.SelfAssessment, CellCount, 0, true), (blank.Frame.State, blank.Frame.CellCount, blank.Filled, blank.CanEdit));
        Assert.Contains(blank.Evidence.QuickWins, q => q.Id == quickWin);
        Assert.Contains(blank.Evidence.Files, f => f.Id == file);

        var withQuickWin = Self(cells[0].CriterionId, cells[0].DimensionId, 4);
        withQuickWin.EvidenceKind = EvidenceKind.QuickWin;
        withQuickWin.EvidenceQuickWinId = quickWin;
        Assert.True((await diskominfo.Get<SelfAssessmentService>().SaveCellAsync(round.Id, jepara, withQuickWin)).Succeeded);
        var withFile = Self(cells[1].CriterionId, cells[1].DimensionId, 3);
        withFile.EvidenceKind = EvidenceKind.File;
        withFile.EvidenceFileId = file;
        Assert.True((await bappeda.Get<SelfAssessmentService>().SaveCellAsync(round.Id, jepara, withFile)).Succeeded);

        var incomplete = await bappeda.Get<SelfAssessmentService>().SubmitAsync(round.Id, jepara);
        Assert.Equal("Baru 2 dari 7 sel diisi; isi semua sel sebelum mengirim.", Assert.Single(incomplete.Errors[ScoreMatrixFields.Cell]));

        foreach (var (criterion, dimension) in cells.Skip(2))
        {
            var saved = await bappeda.Get<SelfAssessmentService>().SaveCellAsync(round.Id, jepara, Self(criterion, dimension, 3)); // evidence is optional
            Assert.True(saved.Succeeded, Errors(saved));
        }

        Assert.True((await bappeda.Get<SelfAssessmentService>().SubmitAsync(round.Id, jepara)).Succeeded);

        var submitted = (await diskominfo.Get<SelfAssessmentService>().GetAsync(round.Id, jepara))!;
        Assert.Equal((CellCount, false, "bappeda.jepara"), (submitted.Filled, submitted.CanEdit, submitted.SubmittedBy));
        await using (var db = app.CreateDbContext())
        {
            var participant = await db.RoundParticipants.AsNoTracking().SingleAsync(p => p.RoundId == round.Id);
            Assert.Equal((round.SelfAssessmentDay.ToUniversalTime(), await UserIdAsync(app, "bappeda.jepara")), (participant.SelfAssessmentSubmittedAt, participant.SelfAssessmentSubmittedById));
        }

        var first = (await SelfScoresAsync(app, round.Id)).Single(s => s.DimensionId is null);
        Assert.Equal((4m, EvidenceKind.QuickWin, quickWin, "Perbup smart city sudah terbit."), (first.Score, first.EvidenceKind, first.EvidenceQuickWinId!.Value, first.Justification!));
        var edit = await diskominfo.Get<SelfAssessmentService>().SaveCellAsync(round.Id, jepara, Self(first.CriterionId, null, 1, version: first.Version));
        Assert.Equal("Penilaian mandiri sudah dikirim dan hanya dapat dibaca.", Assert.Single(edit.Errors[ScoreMatrixFields.State]));
        Assert.NotEmpty((await diskominfo.Get<SelfAssessmentService>().SubmitAsync(round.Id, jepara)).Errors[ScoreMatrixFields.State]);
        Assert.Equal(4m, (await SelfScoresAsync(app, round.Id)).Single(s => s.DimensionId is null).Score);

        // The assessors see the self-score beside their own cell once scoring opens.
        using var scoring = app.Clock.Pin(round.ScoringDay);
        await using var assessor = await app.AsAsync("penilai1");
        var matrix = (await assessor.Get<ScoringService>().GetMatrixAsync(round.Id, jepara))!;
        Assert.Equal(CellCount, matrix.SelfCells.Count);
        Assert.Equal((4m, "Perbup smart city sudah terbit."), (matrix.SelfCells.Single(c => c.DimensionId is null).Score, matrix.SelfCells.Single(c => c.DimensionId is null).Text));
    }

    public static TheoryData<string, string> BadCells => new()
    {
        { "no-justification", "Justifikasi wajib diisi." },
        { "out-of-scale", "Skor harus antara 1 dan 5." },
        { "interview", "Catatan wawancara hanya untuk penilai; pilih berkas, quick win atau blok masterplan." },
        { "file-of-other-regency", "Bukti harus milik daerah yang dinilai." },
        { "quick-win-of-other-regency", "Bukti harus milik daerah yang dinilai." },
        { "unknown-block", "Pilih blok masterplan." },
    };

    [Theory]
    [MemberData(nameof(BadCells))]
    public async Task A_bad_cell_is_refused_with_a_clear_message_and_nothing_is_saved(string what, string message)
    {
        var round = await CreateRoundAsync(app, [Jepara], []);
        var jepara = await RegencyIdAsync(app, Jepara);
        var input = Self(round.OnceCriterionId, null, 3);
        switch (what)
        {
            case "no-justification":
                input.Text = "  ";
                break;
            case "out-of-scale":
                input.Score = 5.5m;
                break;
            case "interview":
                input.EvidenceKind = EvidenceKind.Interview;
                input.InterviewDate = new DateTime(2026, 11, 1);
                input.IntervieweeName = "Arif Darmawan";
                input.IntervieweePosition = "Kepala Diskominfo";
                input.InterviewText = "Kami sudah menerbitkan perbup smart city.";
                break;
            case "file-of-other-regency":
                input.EvidenceKind = EvidenceKind.File;
                input.EvidenceFileId = await FileIdAsync(app, Jombang);
                break;
            case "quick-win-of-other-regency":
                input.EvidenceKind = EvidenceKind.QuickWin;
                input.EvidenceQuickWinId = await QuickWinIdAsync(app, Jombang);
                break;
            default:
                input.EvidenceKind = EvidenceKind.MasterplanBlock;
                input.EvidenceMasterplanBlock = "bab-lain";
                break;
        }

        await using var staff = await app.AsAsync("diskominfo.jepara");
        using var pin = app.Clock.Pin(round.SelfAssessmentDay);

        var result = await staff.Get<SelfAssessmentService>().SaveCellAsync(round.Id, jepara, input);

        Assert.Contains(message, result.Errors.SelectMany(e => e.Value));
        Assert.Empty(await SelfScoresAsync(app, round.Id));
    }

    [Fact]
    public async Task Users_of_another_regency_assessors_and_admins_are_refused_and_nothing_is_saved()
    {
        var round = await CreateRoundAsync(app, [Jepara], ["penilai1"]);
        var jepara = await RegencyIdAsync(app, Jepara);
        var jombang = await RegencyIdAsync(app, Jombang);
        using var pin = app.Clock.Pin(round.SelfAssessmentDay);

        foreach (var user in new[] { "diskominfo.jombang", "bappeda.jombang", "penilai1", "admin" })
        {
            await using var actor = await app.AsAsync(user);
            var service = actor.Get<SelfAssessmentService>();
            await Assert.ThrowsAsync<AccessDeniedException>(() => service.SaveCellAsync(round.Id, jepara, Self(round.OnceCriterionId, null, 3)));
            await Assert.ThrowsAsync<AccessDeniedException>(() => service.SubmitAsync(round.Id, jepara));
        }

        // Jombang does not take part in the round: its own users cannot self-assess in it either.
        await using (var jombangUser = await app.AsAsync("diskominfo.jombang"))
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => jombangUser.Get<SelfAssessmentService>().SaveCellAsync(round.Id, jombang, Self(round.OnceCriterionId, null, 3)));
            await Assert.ThrowsAsync<AccessDeniedException>(() => jombangUser.Get<SelfAssessmentService>().GetAsync(round.Id, jepara));
            Assert.Null(await jombangUser.Get<SelfAssessmentService>().GetOwnAsync(round.Id));
        }

        Assert.Contains(app.Logs.Messages(), m => m.StartsWith("Access refused", StringComparison.Ordinal) && m.Contains("diskominfo.jombang", StringComparison.Ordinal));
        Assert.Empty(await SelfScoresAsync(app, round.Id));
    }

    [Fact]
    public async Task Outside_its_state_the_self_assessment_is_refused_and_two_tabs_conflict()
    {
        var round = await CreateRoundAsync(app, [Jepara], []);
        var jepara = await RegencyIdAsync(app, Jepara);
        await using var diskominfo = await app.AsAsync("diskominfo.jepara");
        await using var bappeda = await app.AsAsync("bappeda.jepara");

        using (app.Clock.Pin(round.ScoringDay))
        {
            var late = await diskominfo.Get<SelfAssessmentService>().SaveCellAsync(round.Id, jepara, Self(round.OnceCriterionId, null, 3));
            Assert.Equal("Penilaian mandiri hanya dapat diisi pada tahap penilaian mandiri.", Assert.Single(late.Errors[ScoreMatrixFields.State]));
            Assert.False((await diskominfo.Get<SelfAssessmentService>().GetOwnAsync(round.Id))!.CanEdit);
        }

        Assert.Empty(await SelfScoresAsync(app, round.Id));
        using var pin = app.Clock.Pin(round.SelfAssessmentDay);
        var saved = await diskominfo.Get<SelfAssessmentService>().SaveCellAsync(round.Id, jepara, Self(round.OnceCriterionId, null, 3, "Versi Diskominfo."));
        Assert.True(saved.Succeeded);
        Assert.True((await diskominfo.Get<SelfAssessmentService>().SaveCellAsync(round.Id, jepara, Self(round.OnceCriterionId, null, 4, "Versi Diskominfo 2.", saved.Version))).Succeeded);

        var typed = Self(round.OnceCriterionId, null, 2, "Versi Bappeda.", saved.Version);
        var stale = await bappeda.Get<SelfAssessmentService>().SaveCellAsync(round.Id, jepara, typed);

        Assert.NotNull(stale.Conflict);
        Assert.Contains(stale.Conflict.Differences, d => d.Field == "Justifikasi" && d.Yours == "Versi Bappeda." && d.Saved == "Versi Diskominfo 2.");
        Assert.Equal("diskominfo.jepara", stale.Conflict.ChangedBy);
        Assert.Equal((4m, "Versi Diskominfo 2."), ((await SelfScoresAsync(app, round.Id))[0].Score, (await SelfScoresAsync(app, round.Id))[0].Justification));
    }
}
