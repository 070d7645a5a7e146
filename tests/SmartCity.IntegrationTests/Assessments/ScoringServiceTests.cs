using Microsoft.EntityFrameworkCore;
using SmartCity.Domain.Assessments;
using SmartCity.IntegrationTests.Web;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.Assessments;
using static SmartCity.IntegrationTests.Assessments.AssessmentTestData;

namespace SmartCity.IntegrationTests.Assessments;

/// <summary>Assessors' scoring: one row per assessor and cell, per-cell saves with conflicts, every refusal saving nothing, submit, reconciliation.</summary>
public sealed class ScoringServiceTests(SmallApp app) : IClassFixture<SmallApp>
{
    [Fact]
    public async Task Two_assessors_score_the_same_cell_in_two_rows_and_see_their_progress()
    {
        var round = await CreateRoundAsync(app, [Jepara, Pemalang], ["penilai1", "penilai2"]);
        var jepara = await RegencyIdAsync(app, Jepara);
        var quickWin = await QuickWinIdAsync(app, Jepara);
        await using var first = await app.AsAsync("penilai1");
        await using var second = await app.AsAsync("penilai2");
        using var pin = app.Clock.Pin(round.ScoringDay);

        var a = await first.Get<ScoringService>().SaveCellAsync(round.Id, jepara, Cell(round.OnceCriterionId, null, 4, quickWin, "Komitmen kuat."));
        var b = await second.Get<ScoringService>().SaveCellAsync(round.Id, jepara, Cell(round.OnceCriterionId, null, 2, quickWin, "Belum ada perbup."));

        Assert.True(a.Succeeded, Errors(a));
        Assert.True(b.Succeeded, Errors(b));
        var rows = await AssessorScoresAsync(app, round.Id);
        Assert.Equal(2, rows.Count);
        Assert.Equal(
            [(await UserIdAsync(app, "penilai1"), 4m, "Komitmen kuat."), (await UserIdAsync(app, "penilai2"), 2m, "Belum ada perbup.")],
            rows.Select(r => (r.AssessorId, r.Score, r.Note)).ToList());

        // Each sees their own score, with the regency's self-score beside (none yet), and their progress.
        var matrix = (await first.Get<ScoringService>().GetMatrixAsync(round.Id, Jepara))!;
        Assert.Equal((4m, CellCount, true), (Assert.Single(matrix.Cells).Score, matrix.Frame.CellCount, matrix.CanEdit));
        Assert.Empty(matrix.SelfCells);
        var mine = (await first.Get<ScoringService>().MyAssignmentsAsync()).Where(r => r.RoundId == round.Id).ToList();
        Assert.Equal([(Jepara, 1, CellCount), (Pemalang, 0, CellCount)], mine.Select(r => (r.RegencyCode, r.Done, r.Total)).OrderBy(r => r.Item1).ToList());

        // Outside the scoring state the round is not among the assignments.
        using var later = app.Clock.Pin(round.ReconciliationDay);
        Assert.DoesNotContain(await first.Get<ScoringService>().MyAssignmentsAsync(), r => r.RoundId == round.Id);
    }

    [Fact]
    public async Task One_assessor_in_two_tabs_gets_a_conflict_that_keeps_the_typed_score_and_note()
    {
        var round = await CreateRoundAsync(app, [Jepara], ["penilai1"]);
        var jepara = await RegencyIdAsync(app, Jepara);
        var quickWin = await QuickWinIdAsync(app, Jepara);
        await using var tab1 = await app.AsAsync("penilai1");
        await using var tab2 = await app.AsAsync("penilai1");
        using var pin = app.Clock.Pin(round.ScoringDay);
        var gov = round.DimensionIds[0];
        var saved = await tab1.Get<ScoringService>().SaveCellAsync(round.Id, jepara, Cell(round.PerDimensionCriterionId, gov, 3, quickWin, "Tab satu."));
        Assert.True(saved.Succeeded, Errors(saved));

        // Both tabs loaded version v; tab 1 saves again, then tab 2 saves with the old version.
        var again = await tab1.Get<ScoringService>().SaveCellAsync(round.Id, jepara, Cell(round.PerDimensionCriterionId, gov, 4, quickWin, "Tab satu lagi.", saved.Version));
        Assert.True(again.Succeeded, Errors(again));
        var typed = Cell(round.PerDimensionCriterionId, gov, 5, quickWin, "Tab dua.", saved.Version);
        var stale = await tab2.Get<ScoringService>().SaveCellAsync(round.Id, jepara, typed);

        Assert.NotNull(stale.Conflict);
        Assert.Equal(again.Version, stale.Conflict.CurrentVersion);
        Assert.Contains(stale.Conflict.Differences, d => d.Field == "Skor" && d.Yours == "5" && d.Saved == "4");
        Assert.Contains(stale.Conflict.Differences, d => d.Field == "Catatan penilai" && d.Yours == "Tab dua." && d.Saved == "Tab satu lagi.");
        Assert.Equal("penilai1", stale.Conflict.ChangedBy);
        Assert.Equal((5m, "Tab dua."), (typed.Score, typed.Text)); // the typed values are kept for the user
        var row = Assert.Single(await AssessorScoresAsync(app, round.Id));
        Assert.Equal((4m, "Tab satu lagi."), (row.Score, row.Note));

        // A first save of a cell that another tab created meanwhile is a conflict too, not a second row.
        var fresh = await tab2.Get<ScoringService>().SaveCellAsync(round.Id, jepara, Cell(round.PerDimensionCriterionId, gov, 2, quickWin, "Baru."));
        Assert.NotNull(fresh.Conflict);

        // Overwriting with the current version saves what tab 2 typed.
        typed.Version = stale.Conflict.CurrentVersion;
        Assert.True((await tab2.Get<ScoringService>().SaveCellAsync(round.Id, jepara, typed)).Succeeded);
        Assert.Equal((5m, "Tab dua."), (Assert.Single(await AssessorScoresAsync(app, round.Id)).Score, Assert.Single(await AssessorScoresAsync(app, round.Id)).Note));
    }

    public static TheoryData<string, string> BadCells => new()
    {
        { "out-of-scale-high", "Skor harus antara 1 dan 5." },
        { "out-of-scale-low", "Skor harus antara 1 dan 5." },
        { "no-evidence", "Setiap skor wajib disertai bukti." },
        { "interview-no-date", "Tanggal wawancara wajib diisi." },
        { "interview-no-name", "Nama narasumber wajib diisi." },
        { "interview-no-position", "Jabatan narasumber wajib diisi." },
        { "interview-short", "Isi wawancara minimal satu kalimat (sedikitnya 20 karakter dan 3 kata)." },
        { "interview-two-words", "Isi wawancara minimal satu kalimat (sedikitnya 20 karakter dan 3 kata)." },
        { "file-of-other-regency", "Bukti harus milik daerah yang dinilai." },
        { "quick-win-of-other-regency", "Bukti harus milik daerah yang dinilai." },
        { "unknown-dimension-cell", "Sel ini tidak ada dalam instrumen putaran." },
    };

    [Theory]
    [MemberData(nameof(BadCells))]
    public async Task A_bad_cell_is_refused_with_a_clear_message_and_nothing_is_saved(string what, string message)
    {
        var round = await CreateRoundAsync(app, [Jepara], ["penilai1"]);
        var jepara = await RegencyIdAsync(app, Jepara);
        var quickWin = await QuickWinIdAsync(app, Jepara);
        var jombangQuickWin = await QuickWinIdAsync(app, Jombang);
        var jombangFile = await FileIdAsync(app, Jombang);
        var day = new DateTime(2026, 11, 20);
        var input = what switch
        {
            "out-of-scale-high" => Cell(round.OnceCriterionId, null, 6, quickWin),
            "out-of-scale-low" => Cell(round.OnceCriterionId, null, 0.5m, quickWin),
            "no-evidence" => new ScoreCellInput { CriterionId = round.OnceCriterionId, Score = 3, Text = "Tanpa bukti." },
            "interview-no-date" => Interview(round.OnceCriterionId, null, 3, null, "Edy Sujatmiko", "Sekda", "Komitmen disampaikan langsung oleh Sekda."),
            "interview-no-name" => Interview(round.OnceCriterionId, null, 3, day, " ", "Sekda", "Komitmen disampaikan langsung oleh Sekda."),
            "interview-no-position" => Interview(round.OnceCriterionId, null, 3, day, "Edy Sujatmiko", null, "Komitmen disampaikan langsung oleh Sekda."),
            "interview-short" => Interview(round.OnceCriterionId, null, 3, day, "Edy Sujatmiko", "Sekda", "Baik sekali ya."),
            "interview-two-words" => Interview(round.OnceCriterionId, null, 3, day, "Edy Sujatmiko", "Sekda", "Komitmennya luarbiasakuatsekali"),
            "file-of-other-regency" => new ScoreCellInput { CriterionId = round.OnceCriterionId, Score = 3, EvidenceKind = EvidenceKind.File, EvidenceFileId = jombangFile },
            "quick-win-of-other-regency" => Cell(round.OnceCriterionId, null, 3, jombangQuickWin),
            _ => Cell(round.OnceCriterionId, round.DimensionIds[0], 3, quickWin), // the once-scored criterion has no dimension cells
        };
        await using var assessor = await app.AsAsync("penilai1");
        using var pin = app.Clock.Pin(round.ScoringDay);

        var result = await assessor.Get<ScoringService>().SaveCellAsync(round.Id, jepara, input);

        Assert.False(result.Succeeded);
        Assert.Contains(message, result.Errors.SelectMany(e => e.Value));
        Assert.Empty(await AssessorScoresAsync(app, round.Id));
    }

    [Fact]
    public async Task An_interview_note_with_date_interviewee_and_a_sentence_is_evidence()
    {
        var round = await CreateRoundAsync(app, [Jepara], ["penilai1"]);
        var jepara = await RegencyIdAsync(app, Jepara);
        await using var assessor = await app.AsAsync("penilai1");
        using var pin = app.Clock.Pin(round.ScoringDay);

        var result = await assessor.Get<ScoringService>().SaveCellAsync(round.Id, jepara,
            Interview(round.OnceCriterionId, null, 4, new DateTime(2023, 11, 8), "Edy Sujatmiko", "Sekretaris Daerah", "Bupati memimpin rapat smart city tiap bulan."));

        Assert.True(result.Succeeded, Errors(result));
        var row = Assert.Single(await AssessorScoresAsync(app, round.Id));
        Assert.Equal((EvidenceKind.Interview, new DateOnly(2023, 11, 8), "Edy Sujatmiko", "Sekretaris Daerah", (int?)null), (row.EvidenceKind, row.InterviewDate, row.IntervieweeName, row.IntervieweePosition, row.EvidenceQuickWinId));
    }

    [Fact]
    public async Task Scoring_an_unassigned_regency_is_refused_logged_and_saves_nothing()
    {
        var round = await CreateRoundAsync(app, [Jepara, Pemalang], ["penilai1"]);
        var jepara = await RegencyIdAsync(app, Jepara);
        var quickWin = await QuickWinIdAsync(app, Jepara);
        await using var other = await app.AsAsync("penilai2");
        await using var admin = await app.AsAsync("admin");
        await using var staff = await app.AsAsync("diskominfo.jepara");
        using var pin = app.Clock.Pin(round.ScoringDay);

        foreach (var actor in new[] { other, admin, staff })
        {
            var scoring = actor.Get<ScoringService>();
            await Assert.ThrowsAsync<AccessDeniedException>(() => scoring.SaveCellAsync(round.Id, jepara, Cell(round.OnceCriterionId, null, 3, quickWin)));
            await Assert.ThrowsAsync<AccessDeniedException>(() => scoring.GetMatrixAsync(round.Id, jepara));
            await Assert.ThrowsAsync<AccessDeniedException>(() => scoring.SubmitAsync(round.Id, jepara));
        }

        Assert.Contains(app.Logs.Messages(), m => m.StartsWith("Access refused", StringComparison.Ordinal) && m.Contains("penilai2", StringComparison.Ordinal));
        Assert.Empty(await AssessorScoresAsync(app, round.Id));
        Assert.DoesNotContain(await other.Get<ScoringService>().MyAssignmentsAsync(), r => r.RoundId == round.Id);
    }

    [Fact]
    public async Task Scoring_before_the_scoring_state_or_after_it_ended_is_refused()
    {
        var round = await CreateRoundAsync(app, [Jepara], ["penilai1"]);
        var jepara = await RegencyIdAsync(app, Jepara);
        var quickWin = await QuickWinIdAsync(app, Jepara);
        await using var assessor = await app.AsAsync("penilai1");
        var scoring = assessor.Get<ScoringService>();

        using (app.Clock.Pin(round.SelfAssessmentDay))
        {
            var early = await scoring.SaveCellAsync(round.Id, jepara, Cell(round.OnceCriterionId, null, 3, quickWin));
            Assert.Equal("Skor hanya dapat disimpan pada tahap penilaian (tahap sekarang: Penilaian mandiri).", Assert.Single(early.Errors[ScoreMatrixFields.State]));
        }

        using (app.Clock.Pin(round.LastScoringMinute))
        {
            Assert.True((await scoring.SaveCellAsync(round.Id, jepara, Cell(round.OnceCriterionId, null, 3, quickWin))).Succeeded);
        }

        var before = await AssessorScoresAsync(app, round.Id);
        using (app.Clock.Pin(round.LastScoringMinute.AddMinutes(31)))
        {
            var late = await scoring.SaveCellAsync(round.Id, jepara, Cell(round.OnceCriterionId, null, 5, quickWin, version: before[0].Version));
            Assert.False(late.Succeeded);
            Assert.Contains("tahap penilaian", Assert.Single(late.Errors[ScoreMatrixFields.State]), StringComparison.Ordinal);
            Assert.False((await scoring.GetMatrixAsync(round.Id, jepara))!.CanEdit);
        }

        Assert.Equal(before.Select(r => (r.Score, r.Version)), (await AssessorScoresAsync(app, round.Id)).Select(r => (r.Score, r.Version)));

        // A finalised round is closed whatever its dates say.
        await using (var db = app.CreateDbContext())
        {
            await db.AssessmentRounds.Where(r => r.Id == round.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.State, RoundState.Finalised));
        }

        using (app.Clock.Pin(round.ScoringDay))
        {
            Assert.False((await scoring.SaveCellAsync(round.Id, jepara, Cell(round.OnceCriterionId, null, 5, quickWin, version: before[0].Version))).Succeeded);
        }
    }

    [Fact]
    public async Task Submitting_needs_every_cell_and_makes_the_matrix_read_only()
    {
        var round = await CreateRoundAsync(app, [Jepara], ["penilai1"]);
        var jepara = await RegencyIdAsync(app, Jepara);
        var quickWin = await QuickWinIdAsync(app, Jepara);
        await using var assessor = await app.AsAsync("penilai1");
        var scoring = assessor.Get<ScoringService>();
        using var pin = app.Clock.Pin(round.ScoringDay);
        var cells = round.Cells().ToList();
        foreach (var (criterion, dimension) in cells.Skip(1))
        {
            Assert.True((await scoring.SaveCellAsync(round.Id, jepara, Cell(criterion, dimension, 3, quickWin))).Succeeded);
        }

        var incomplete = await scoring.SubmitAsync(round.Id, jepara);
        Assert.Equal("Baru 6 dari 7 sel dinilai; nilai semua sel sebelum mengirim.", Assert.Single(incomplete.Errors[ScoreMatrixFields.Cell]));
        Assert.Null(await SubmittedAtAsync(round.Id));

        Assert.True((await scoring.SaveCellAsync(round.Id, jepara, Cell(cells[0].CriterionId, cells[0].DimensionId, 4, quickWin))).Succeeded);
        Assert.True((await scoring.SubmitAsync(round.Id, jepara)).Succeeded);

        Assert.Equal(round.ScoringDay.ToUniversalTime(), await SubmittedAtAsync(round.Id));
        var matrix = (await scoring.GetMatrixAsync(round.Id, jepara))!;
        Assert.Equal((CellCount, false), (matrix.Done, matrix.CanEdit));
        var row = (await AssessorScoresAsync(app, round.Id))[0];
        var after = await scoring.SaveCellAsync(round.Id, jepara, Cell(row.CriterionId, row.DimensionId, 1, quickWin, version: row.Version));
        Assert.Equal("Penilaian Anda untuk daerah ini sudah dikirim dan tidak dapat diubah lagi.", Assert.Single(after.Errors[ScoreMatrixFields.State]));
        Assert.Equal(3m, (await AssessorScoresAsync(app, round.Id))[0].Score);
    }

    private async Task<DateTimeOffset?> SubmittedAtAsync(int roundId)
    {
        await using var db = app.CreateDbContext();
        return await db.AssessorAssignments.Where(a => a.RoundId == roundId).Select(a => a.SubmittedAt).SingleAsync();
    }

    [Fact]
    public async Task Divergent_cells_are_flagged_and_an_assigned_assessor_records_the_agreed_score_with_a_note()
    {
        var round = await CreateRoundAsync(app, [Jepara, Pemalang], ["penilai1", "penilai2"]);
        var jepara = await RegencyIdAsync(app, Jepara);
        var quickWin = await QuickWinIdAsync(app, Jepara);
        var gov = round.DimensionIds[0];
        var bra = round.DimensionIds[1];
        await using var first = await app.AsAsync("penilai1");
        await using var second = await app.AsAsync("penilai2");
        using (app.Clock.Pin(round.ScoringDay))
        {
            // GOV: 1 and 4 differ by 3 > 1 (divergent); BRA: 3 and 4 differ by exactly the threshold (not divergent).
            Assert.True((await first.Get<ScoringService>().SaveCellAsync(round.Id, jepara, Cell(round.PerDimensionCriterionId, gov, 1, quickWin, "Rendah."))).Succeeded);
            Assert.True((await second.Get<ScoringService>().SaveCellAsync(round.Id, jepara, Cell(round.PerDimensionCriterionId, gov, 4, quickWin, "Tinggi."))).Succeeded);
            Assert.True((await first.Get<ScoringService>().SaveCellAsync(round.Id, jepara, Cell(round.PerDimensionCriterionId, bra, 3, quickWin))).Succeeded);
            Assert.True((await second.Get<ScoringService>().SaveCellAsync(round.Id, jepara, Cell(round.PerDimensionCriterionId, bra, 4, quickWin))).Succeeded);

            // Recording is for the reconciliation state only.
            var early = await first.Get<ReconciliationService>().RecordAsync(round.Id, jepara, round.PerDimensionCriterionId, gov, 3, "Sepakat.");
            Assert.NotEmpty(early.Errors[ScoreMatrixFields.State]);
        }

        using var pin = app.Clock.Pin(round.ReconciliationDay);
        var view = (await first.Get<ReconciliationService>().DivergentCellsAsync(round.Id))!;
        var cell = Assert.Single(view.Cells);
        Assert.Equal((Jepara, "OUT", "GOV", true), (cell.RegencyCode, cell.CriterionCode, cell.DimensionCode, cell.CanRecord));
        Assert.Equal([("penilai1", 1m, "Rendah."), ("penilai2", 4m, "Tinggi.")], cell.Scores.Select(s => (s.AssessorName!, s.Score, s.Note!)).ToList());
        Assert.Null(cell.Reconciled);

        var reconcile = first.Get<ReconciliationService>();
        Assert.Equal("Catatan kesepakatan wajib diisi.", Assert.Single((await reconcile.RecordAsync(round.Id, jepara, round.PerDimensionCriterionId, gov, 3, " ")).Errors[ReconciliationService.NoteField]));
        Assert.Equal("Skor harus antara 1 dan 5.", Assert.Single((await reconcile.RecordAsync(round.Id, jepara, round.PerDimensionCriterionId, gov, 7, "Sepakat.")).Errors[ReconciliationService.ScoreField]));
        Assert.NotEmpty((await reconcile.RecordAsync(round.Id, jepara, round.PerDimensionCriterionId, bra, 3, "Sepakat.")).Errors[ScoreMatrixFields.Cell]);
        await using (var admin = await app.AsAsync("admin"))
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => admin.Get<ReconciliationService>().RecordAsync(round.Id, jepara, round.PerDimensionCriterionId, gov, 3, "Sepakat."));
        }

        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.ReconciledScores.AnyAsync(s => s.RoundId == round.Id));
        }

        var recorded = await reconcile.RecordAsync(round.Id, jepara, round.PerDimensionCriterionId, gov, 3, "Disepakati setelah wawancara ulang.");
        Assert.True(recorded.Succeeded, Errors(recorded));
        var corrected = await second.Get<ReconciliationService>().RecordAsync(round.Id, jepara, round.PerDimensionCriterionId, gov, 2, "Dikoreksi bersama.");
        Assert.True(corrected.Succeeded, Errors(corrected));

        await using (var db = app.CreateDbContext())
        {
            var row = await db.ReconciledScores.AsNoTracking().SingleAsync(s => s.RoundId == round.Id);
            Assert.Equal((2m, "Dikoreksi bersama.", await UserIdAsync(app, "penilai2"), gov), (row.Score, row.Note, row.RecordedById, row.DimensionId));
        }

        var again = Assert.Single((await second.Get<ReconciliationService>().DivergentCellsAsync(round.Id))!.Cells);
        Assert.Equal((2m, "Dikoreksi bersama.", "penilai2"), (again.Reconciled, again.ReconciledNote, again.ReconciledBy));
        Assert.Equal(2m, Scoring.FinalCellScore([1m, 4m], view.Threshold, again.Reconciled).ToDecimal());
    }
}
