using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SmartCity.Domain.Assessments;
using SmartCity.Domain.Common;
using SmartCity.IntegrationTests.Web;
using SmartCity.Testing;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.Assessments;

namespace SmartCity.IntegrationTests.Assessments;

/// <summary>
/// Results on real PostgreSQL: a Selection round (so the demo yearly rounds never count as "previous") with two criteria — K1 weight 40
/// scored once, K2 weight 60 per dimension — for Jepara, Pemalang (both Central Java) and Jombang (East Java), scored by penilai1 and penilai2.
/// </summary>
public sealed class ResultsServiceTests(NationalApp app) : IClassFixture<NationalApp>
{
    private const string Jepara = "33.20", Pemalang = "33.27", Jombang = "35.17";

    // Per regency: K1 (penilai1, penilai2), K2 per dimension (penilai1 ×6, penilai2 ×6).
    private static readonly Dictionary<string, (decimal[] K1, decimal[] K2A, decimal[] K2B)> Scores = new()
    {
        // K1 3.5; K2 finals 4, 3.5, 3, 3, 5, 3 (the last cell 2 vs 4 diverges and is reconciled to 3) → 21.5/6; index (140 + 215)/100 = 3.55
        [Jepara] = ([4m, 3m], [4m, 4m, 3m, 3m, 5m, 2m], [4m, 3m, 3m, 3m, 5m, 4m]),
        // the same finals without divergence: 3.55, a tie with Jepara
        [Pemalang] = ([3m, 4m], [4m, 4m, 3m, 3m, 5m, 3m], [4m, 3m, 3m, 3m, 5m, 3m]),
        // K1 2, K2 3 → (80 + 180)/100 = 2.60, exactly the lower edge of "Baik"
        [Jombang] = ([2m, 2m], [3m, 3m, 3m, 3m, 3m, 3m], [3m, 3m, 3m, 3m, 3m, 3m]),
    };

    private async Task<int> RoundAsync(int year, bool reconcile = true, bool withJombang = true)
    {
        await using var db = app.CreateDbContext();
        var regencies = await db.Regencies.Where(r => r.Code == Jepara || r.Code == Pemalang || (withJombang && r.Code == Jombang)).ToDictionaryAsync(r => r.Code, r => r.Id);
        var dimensions = await db.Dimensions.OrderBy(d => d.SortOrder).Select(d => d.Id).ToListAsync();
        var assessors = await db.Users.Where(u => u.UserName == "penilai1" || u.UserName == "penilai2").OrderBy(u => u.UserName).Select(u => u.Id).ToListAsync();
        var round = new AssessmentRound
        {
            Name = $"Seleksi uji {year}",
            Kind = RoundKind.Selection,
            Year = year,
            State = RoundState.SelfAssessment,
            SelfAssessmentOpensOn = new DateOnly(2025, 1, 1),
            ScoringOpensOn = new DateOnly(2025, 2, 1),
            ReconciliationOpensOn = new DateOnly(2025, 3, 1),
            FinalisesOn = new DateOnly(2025, 4, 1),
            Instrument = new Instrument
            {
                Name = $"Instrumen uji {year}",
                Kind = RoundKind.Selection,
                IsTemplate = false,
                Criteria =
                [
                    new() { Code = "K1", NameId = "Komitmen", NameEn = "Commitment", Weight = 40, SortOrder = 1 },
                    new() { Code = "K2", NameId = "Capaian", NameEn = "Achievement", Weight = 60, PerDimension = true, SortOrder = 2 },
                ],
                Bands = [.. Scoring.DefaultBands()],
            },
        };
        foreach (var (code, id) in regencies)
        {
            round.Participants.Add(new RoundParticipant { RegencyId = id });
            round.Assignments.AddRange(assessors.Select(a => new AssessorAssignment { RegencyId = id, AssessorId = a, AssignedAt = TestNow.Start }));
        }

        db.AssessmentRounds.Add(round);
        await db.SaveChangesAsync();
        var (k1, k2) = (round.Instrument.Criteria[0].Id, round.Instrument.Criteria[1].Id);
        foreach (var (code, (first, secondA, secondB)) in Scores.Where(s => regencies.ContainsKey(s.Key)))
        {
            var regency = regencies[code];
            db.AssessorScores.Add(Cell(round.Id, regency, k1, null, assessors[0], first[0]));
            db.AssessorScores.Add(Cell(round.Id, regency, k1, null, assessors[1], first[1]));
            for (var d = 0; d < dimensions.Count; d++)
            {
                db.AssessorScores.Add(Cell(round.Id, regency, k2, dimensions[d], assessors[0], secondA[d]));
                db.AssessorScores.Add(Cell(round.Id, regency, k2, dimensions[d], assessors[1], secondB[d]));
            }
        }

        if (reconcile)
        {
            db.ReconciledScores.Add(new ReconciledScore
            {
                RoundId = round.Id,
                RegencyId = regencies[Jepara],
                CriterionId = k2,
                DimensionId = dimensions[5],
                Score = 3,
                RecordedById = assessors[0],
                Note = "Disepakati setelah wawancara.",
                UpdatedAt = TestNow.Start,
            });
        }

        await db.SaveChangesAsync();
        return round.Id;
    }

    private static AssessorScore Cell(int round, int regency, int criterion, int? dimension, string assessor, decimal score) => new()
    {
        RoundId = round,
        RegencyId = regency,
        CriterionId = criterion,
        DimensionId = dimension,
        AssessorId = assessor,
        Score = score,
        EvidenceKind = EvidenceKind.Interview,
        InterviewDate = new DateOnly(2025, 2, 10),
        IntervieweeName = "Kepala Dinas",
        InterviewText = "Wawancara uji.",
        UpdatedAt = TestNow.Start,
    };

    private static ParticipantResult Row(RoundResults results, string code) => results.Participants.Single(p => p.RegencyCode == code);

    [Fact]
    public async Task Results_are_computed_from_the_final_cell_scores_as_by_hand()
    {
        // The previous finalised Selection round (2098) stored Jepara 3.20 and Jombang 2.75; Pemalang has no stored index there.
        var previous = await RoundAsync(2098);
        await using (var db = app.CreateDbContext())
        {
            var participants = await db.RoundParticipants.Where(p => p.RoundId == previous).Join(db.Regencies, p => p.RegencyId, r => r.Id, (p, r) => new { p, r.Code }).ToListAsync();
            participants.Single(x => x.Code == Jepara).p.Index = 3.20m;
            participants.Single(x => x.Code == Jombang).p.Index = 2.75m;
            await db.SaveChangesAsync();
            await db.AssessmentRounds.Where(r => r.Id == previous).ExecuteUpdateAsync(s => s.SetProperty(r => r.State, RoundState.Finalised));
        }

        var id = await RoundAsync(2099);
        await using var admin = await app.AsAsync("admin");
        var results = (await admin.Get<ResultsService>().ComputeAsync(id))!;

        Assert.Equal(RoundState.Reconciliation, results.Round.State);
        Assert.Equal("Seleksi uji 2098", results.PreviousRoundName);
        var jepara = Row(results, Jepara);
        Assert.Equal(3.55m, jepara.Index);
        Assert.Equal("Sangat Baik", jepara.Band);
        Assert.Equal([3.50m, 3.58m], jepara.Criteria.Select(c => c.Score));
        Assert.Equal([4.00m, 3.50m, 3.00m, 3.00m, 5.00m, 3.00m], jepara.Dimensions.Select(d => d.Score));
        var reconciled = jepara.Criteria[1].Cells[5];
        Assert.True(reconciled.Divergent);
        Assert.Equal(3m, reconciled.Reconciled);
        Assert.Equal(3m, reconciled.Final);
        Assert.Equal(0, jepara.UnreconciledCells);
        Assert.Equal(0.35m, jepara.Change);

        var pemalang = Row(results, Pemalang);
        Assert.Equal(3.55m, pemalang.Index);
        Assert.Null(pemalang.Change);
        var jombang = Row(results, Jombang);
        Assert.Equal(2.60m, jombang.Index);
        Assert.Equal("Baik", jombang.Band);
        Assert.Equal(-0.15m, jombang.Change);

        // Competition ranks: the tie shares rank 1 and the next is 3; within Central Java both are 1, Jombang is 1 in East Java.
        Assert.Equal((1, 1), (jepara.NationalRank!.Value, jepara.ProvincialRank!.Value));
        Assert.Equal((1, 1), (pemalang.NationalRank!.Value, pemalang.ProvincialRank!.Value));
        Assert.Equal((3, 1), (jombang.NationalRank!.Value, jombang.ProvincialRank!.Value));
    }

    [Fact]
    public async Task An_unreconciled_divergent_cell_counts_as_the_mean_and_is_reported()
    {
        var id = await RoundAsync(2070, reconcile: false);
        await using var admin = await app.AsAsync("admin");
        var jepara = Row((await admin.Get<ResultsService>().ComputeAsync(id))!, Jepara);

        // The cell 2 vs 4 is the mean 3 without a reconciled score: the same index, but flagged.
        Assert.Equal(1, jepara.UnreconciledCells);
        Assert.Equal(3.55m, jepara.Index);
    }

    [Fact]
    public async Task A_regency_user_sees_only_their_regency_with_its_ranks()
    {
        var id = await RoundAsync(2071, withJombang: false);
        await using var user = await app.AsAsync("diskominfo.jepara");
        var results = (await user.Get<ResultsService>().ComputeAsync(id))!;

        var only = Assert.Single(results.Participants);
        Assert.Equal(Jepara, only.RegencyCode);
        Assert.Equal(1, only.NationalRank);
        Assert.Equal(2, results.TotalParticipants);
        await Assert.ThrowsAsync<AccessDeniedException>(() => user.Get<CalibrationService>().ComputeAsync(id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => user.Get<FinaliseService>().FinaliseAsync(id));
        await Assert.ThrowsAsync<AccessDeniedException>(() => user.Get<ResultDocumentService>().ExportAsync(id));

        // A regency outside the round is refused.
        await using var other = await app.AsAsync("bappeda.jombang");
        await Assert.ThrowsAsync<AccessDeniedException>(() => other.Get<ResultsService>().ComputeAsync(id));
    }

    [Fact]
    public async Task Regency_users_comment_their_own_criteria_only()
    {
        var id = await RoundAsync(2072);
        int k1;
        await using (var db = app.CreateDbContext())
        {
            k1 = await db.AssessmentRounds.Where(r => r.Id == id).SelectMany(r => r.Instrument!.Criteria).Where(c => c.Code == "K1").Select(c => c.Id).SingleAsync();
        }

        await using var user = await app.AsAsync("diskominfo.jepara");
        var service = user.Get<ResultsService>();
        var jepara = Row((await service.ComputeAsync(id))!, Jepara).RegencyId;
        Assert.True((await service.CommentAsync(id, jepara, k1, "Dokumen komitmen sudah diunggah.")).Succeeded);
        Assert.False((await service.CommentAsync(id, jepara, k1, "  ")).Succeeded);
        var comments = await service.CommentsAsync(id, jepara);
        Assert.Equal("Dokumen komitmen sudah diunggah.", Assert.Single(comments).Text);

        await using var pemalangUser = await app.AsAsync("diskominfo.pemalang");
        await Assert.ThrowsAsync<AccessDeniedException>(() => pemalangUser.Get<ResultsService>().CommentAsync(id, jepara, k1, "Bukan milik kami"));
    }

    [Fact]
    public async Task Finalise_stores_results_and_the_database_refuses_changed_scores()
    {
        var id = await RoundAsync(2060);
        await using var admin = await app.AsAsync("admin");
        var result = await admin.Get<FinaliseService>().FinaliseAsync(id);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.SelectMany(e => e.Value)));

        await using var db = app.CreateDbContext();
        var round = await db.AssessmentRounds.SingleAsync(r => r.Id == id);
        Assert.Equal(RoundState.Finalised, round.State);
        Assert.NotNull(round.FinalisedAt);
        var stored = await db.RoundParticipants.Where(p => p.RoundId == id).Join(db.Regencies, p => p.RegencyId, r => r.Id, (p, r) => new { p, r.Code })
            .ToDictionaryAsync(x => x.Code, x => x.p);
        Assert.Equal((3.55m, "Sangat Baik", 1, 1), (stored[Jepara].Index!.Value, stored[Jepara].Band!, stored[Jepara].NationalRank!.Value, stored[Jepara].ProvincialRank!.Value));
        Assert.Equal((2.60m, "Baik", 3), (stored[Jombang].Index!.Value, stored[Jombang].Band!, stored[Jombang].NationalRank!.Value));
        var today = app.Clock.Today(IndonesianTimeZone.Wib);
        Assert.All(stored.Values, p => Assert.Equal(today, p.LetterDate));
        Assert.Matches($@"^\d{{3}}/SC/33\.20/{today.Year}$", stored[Jepara].LetterNumber!);
        Assert.Equal(3, stored.Values.Select(p => p.LetterNumber).Distinct().Count());

        // The published results read back as stored.
        var results = (await admin.Get<ResultsService>().ComputeAsync(id))!;
        Assert.True(results.IsFinalised);
        Assert.Equal(3.55m, Row(results, Jepara).Index);

        // Services refuse with a clear message.
        Assert.False((await admin.Get<FinaliseService>().FinaliseAsync(id)).Succeeded);
        await using (var user = await app.AsAsync("diskominfo.jepara"))
        {
            var k1 = await db.Criteria.Where(c => c.InstrumentId == round.InstrumentId && c.Code == "K1").Select(c => c.Id).SingleAsync();
            var refused = await user.Get<ResultsService>().CommentAsync(id, stored[Jepara].RegencyId, k1, "Terlambat");
            Assert.Equal("Putaran ini sudah difinalisasi; nilai dan hasilnya tidak dapat diubah.", refused.Errors["Text"].Single());
        }

        // The database refuses an UPDATE, INSERT or DELETE of a score and a change of a stored result.
        var update = await Assert.ThrowsAsync<PostgresException>(() =>
            db.Database.ExecuteSqlAsync($"UPDATE \"AssessorScores\" SET \"Score\" = 1 WHERE \"RoundId\" = {id}"));
        Assert.Equal(PostgresErrorCodes.CheckViolation, update.SqlState);
        var score = await db.AssessorScores.AsNoTracking().FirstAsync(s => s.RoundId == id);
        db.ReconciledScores.Add(new ReconciledScore
        {
            RoundId = id,
            RegencyId = score.RegencyId,
            CriterionId = score.CriterionId,
            DimensionId = score.DimensionId,
            Score = 5,
            RecordedById = score.AssessorId,
            Note = "Setelah finalisasi",
            UpdatedAt = TestNow.Start,
        });
        var insert = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Equal(PostgresErrorCodes.CheckViolation, Assert.IsType<PostgresException>(insert.InnerException).SqlState);
        db.ChangeTracker.Clear();
        var delete = await Assert.ThrowsAsync<PostgresException>(() =>
            db.Database.ExecuteSqlAsync($"DELETE FROM \"AssessorScores\" WHERE \"RoundId\" = {id}"));
        Assert.Equal(PostgresErrorCodes.CheckViolation, delete.SqlState);
        var result2 = await Assert.ThrowsAsync<PostgresException>(() =>
            db.Database.ExecuteSqlAsync($"UPDATE \"RoundParticipants\" SET \"Index\" = 4.5 WHERE \"RoundId\" = {id}"));
        Assert.Equal(PostgresErrorCodes.CheckViolation, result2.SqlState);
        var reopen = await Assert.ThrowsAsync<PostgresException>(() =>
            db.Database.ExecuteSqlAsync($"UPDATE \"AssessmentRounds\" SET \"State\" = 'Reconciliation' WHERE \"Id\" = {id}"));
        Assert.Equal(PostgresErrorCodes.CheckViolation, reopen.SqlState);
        Assert.Equal(3.55m, await db.RoundParticipants.Where(p => p.RoundId == id && p.RegencyId == stored[Jepara].RegencyId).Select(p => p.Index).SingleAsync());

        // Letter and export: valid Open XML, with the stored numbers.
        var letter = (await admin.Get<ResultDocumentService>().LetterAsync(id, Jepara))!;
        Assert.Equal("Surat-Hasil-33.20-2060.docx", letter.FileName);
        using (var document = WordprocessingDocument.Open(new MemoryStream(letter.Content), false))
        {
            var errors = new OpenXmlValidator().Validate(document).ToList();
            Assert.True(errors.Count == 0, string.Join('\n', errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
            var text = document.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains(stored[Jepara].LetterNumber!, text, StringComparison.Ordinal);
            Assert.Contains("3,55", text, StringComparison.Ordinal);
            Assert.Contains("Sangat Baik", text, StringComparison.Ordinal);
            Assert.Contains("1 dari 3 peserta", text, StringComparison.Ordinal);
            var ministry = await db.Settings.Where(s => s.Key == SettingKeys.LetterheadText).Select(s => s.Value).SingleAsync();
            Assert.Contains(ministry, text, StringComparison.Ordinal);
        }

        var xlsx = (await admin.Get<ResultDocumentService>().ExportAsync(id))!;
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(xlsx.Content), false))
        {
            var errors = new OpenXmlValidator().Validate(workbook).ToList();
            Assert.True(errors.Count == 0, string.Join('\n', errors.Select(e => $"{e.Path?.XPath}: {e.Description}")));
            var cells = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet!.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText).ToList();
            var numbers = cells.Select(c => decimal.TryParse(c, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : (decimal?)null).ToList();
            Assert.Contains(3.55m, numbers);
            Assert.Contains(2.6m, numbers);
            Assert.Contains("Sangat Baik", cells);
        }

        // Over HTTP: Jepara's user gets Jepara's letter, not Jombang's (403); an unknown regency is 404.
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await HttpSignIn.SignInOrThrowAsync(client, "diskominfo.jepara");
        var own = await client.GetAsync(new Uri($"/assessments/{id}/letters/{Jepara}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(ResultLetter.ContentType, own.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri($"/assessments/{id}/letters/{Jombang}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri($"/assessments/{id}/results.xlsx", UriKind.Relative))).StatusCode);
        await using var assessor = await app.AsAsync("penilai1");
        Assert.Null(await assessor.Get<ResultDocumentService>().LetterAsync(id, "99.99"));
    }

    [Fact]
    public async Task Finalising_outside_reconciliation_is_refused()
    {
        var id = await RoundAsync(2073);
        await using (var db = app.CreateDbContext())
        {
            await db.AssessmentRounds.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ReconciliationOpensOn, new DateOnly(2099, 1, 1)));
        }

        await using var admin = await app.AsAsync("admin");
        var result = await admin.Get<FinaliseService>().FinaliseAsync(id);

        Assert.False(result.Succeeded);
        await using var check = app.CreateDbContext();
        Assert.Equal(RoundState.SelfAssessment, await check.AssessmentRounds.Where(r => r.Id == id).Select(r => r.State).SingleAsync());
        Assert.False(await check.RoundParticipants.AnyAsync(p => p.RoundId == id && p.Index != null));
    }

    [Fact]
    public async Task The_demo_rounds_are_finalised_with_change_against_2024()
    {
        await using var admin = await app.AsAsync("admin");
        await using var db = app.CreateDbContext();
        var rounds = await db.AssessmentRounds.Where(r => r.IsDemo).OrderBy(r => r.Year).Select(r => new { r.Id, r.Name, r.State, r.Year }).ToListAsync();

        Assert.Equal([2024, 2025], rounds.Select(r => r.Year));
        Assert.All(rounds, r => Assert.Equal(RoundState.Finalised, r.State));
        Assert.All(rounds, r => Assert.Contains("(data demo)", r.Name, StringComparison.Ordinal));
        var first = (await admin.Get<ResultsService>().ComputeAsync(rounds[0].Id))!;
        var second = (await admin.Get<ResultsService>().ComputeAsync(rounds[1].Id))!;
        Assert.Equal(3, second.Participants.Count);
        foreach (var p in second.Participants)
        {
            var before = first.Participants.Single(x => x.RegencyId == p.RegencyId);
            Assert.Null(before.Change);
            Assert.Equal(p.Index - before.Index, p.Change);
            Assert.NotNull(p.LetterNumber);
            Assert.NotNull(p.Band);
        }

        Assert.Equal(1, second.Participants.Min(p => p.NationalRank));
        Assert.Equal(3, first.Participants.Count(p => p.LetterNumber is not null));
    }

    [Fact]
    public async Task Results_of_514_participants_cost_at_most_five_sql_commands()
    {
        var id = await RoundAsync(2074);
        await using (var db = app.CreateDbContext())
        {
            // Every regency takes part; each has K1 and six K2 cells scored by both assessors (set-based inserts).
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "RoundParticipants" ("Id", "RoundId", "RegencyId")
                SELECT nextval('"EntityFrameworkHiLoSequence"'), {id}, r."Id" FROM "Regencies" r WHERE NOT EXISTS (SELECT 1 FROM "RoundParticipants" p WHERE p."RoundId" = {id} AND p."RegencyId" = r."Id")
                """);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "AssessorAssignments" ("Id", "RoundId", "RegencyId", "AssessorId", "AssignedAt")
                SELECT nextval('"EntityFrameworkHiLoSequence"'), p."RoundId", p."RegencyId", u."Id", now() FROM "RoundParticipants" p CROSS JOIN "AspNetUsers" u
                WHERE p."RoundId" = {id} AND u."UserName" IN ('penilai1', 'penilai2')
                  AND NOT EXISTS (SELECT 1 FROM "AssessorAssignments" a WHERE a."RoundId" = p."RoundId" AND a."RegencyId" = p."RegencyId")
                """);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "AssessorScores" ("Id", "RoundId", "RegencyId", "CriterionId", "DimensionId", "AssessorId", "Score", "UpdatedAt")
                SELECT nextval('"EntityFrameworkHiLoSequence"'), a."RoundId", a."RegencyId", c."Id", d."Id", a."AssessorId", 1 + ((a."RegencyId" + c."Id" + coalesce(d."Id", 0)) % 5), now()
                FROM "AssessorAssignments" a
                JOIN "AssessmentRounds" r ON r."Id" = a."RoundId"
                JOIN "Criteria" c ON c."InstrumentId" = r."InstrumentId"
                LEFT JOIN "Dimensions" d ON c."PerDimension"
                WHERE a."RoundId" = {id} AND NOT EXISTS (SELECT 1 FROM "AssessorScores" s WHERE s."RoundId" = a."RoundId" AND s."RegencyId" = a."RegencyId")
                """);
        }

        await using var admin = await app.AsAsync("admin");
        var service = admin.Get<ResultsService>();
        await service.ComputeAsync(id); // warm-up
        app.Commands.Reset();
        var results = (await service.ComputeAsync(id))!;
        var count = app.Commands.Count;

        int regencies;
        await using (var db = app.CreateDbContext())
        {
            regencies = await db.Regencies.CountAsync();
        }

        Assert.True(regencies >= 514);
        Assert.Equal(regencies, results.Participants.Count);
        Assert.All(results.Participants, p => Assert.NotNull(p.Index));
        Assert.InRange(count, 1, 5);

        app.Commands.Reset();
        var page = (await service.PageAsync(id, new ResultQuery(Sort: ResultSort.Index, Descending: true, Page: 2, PageSize: 25)))!;
        Assert.InRange(app.Commands.Count, 1, 5);
        Assert.Equal(25, page.Rows.Count);
        Assert.Equal(regencies, page.Total);
        Assert.True(page.Rows[0].Index >= page.Rows[^1].Index);
    }

    [Fact]
    public async Task The_results_and_calibration_pages_render_for_whom_they_are_meant()
    {
        int demo;
        await using (var db = app.CreateDbContext())
        {
            demo = await db.AssessmentRounds.Where(r => r.IsDemo && r.Year == 2025).Select(r => r.Id).SingleAsync();
        }

        var admin = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await HttpSignIn.SignInOrThrowAsync(admin, "admin");
        var page = await admin.GetStringAsync(new Uri($"/assessments/{demo}/results", UriKind.Relative));
        Assert.Contains("Kabupaten Pemalang", page, StringComparison.Ordinal);
        Assert.Contains("Data demo", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri($"/assessments/{demo}/calibration", UriKind.Relative))).StatusCode);

        var jepara = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await HttpSignIn.SignInOrThrowAsync(jepara, "diskominfo.jepara");
        var own = await jepara.GetStringAsync(new Uri($"/assessments/{demo}/results", UriKind.Relative));
        Assert.Contains("Kabupaten Jepara", own, StringComparison.Ordinal);
        Assert.DoesNotContain("Kabupaten Pemalang", own, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await jepara.GetAsync(new Uri($"/assessments/{demo}/calibration", UriKind.Relative))).StatusCode);
    }
}
