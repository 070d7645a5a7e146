using Microsoft.EntityFrameworkCore;
using SmartCity.Domain.Assessments;
using SmartCity.IntegrationTests.Web;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.Assessments;

namespace SmartCity.IntegrationTests.Assessments;

/// <summary>Round preparation on real PostgreSQL: dates, instrument copies, validation, opening, the calendar, assignments and who may do it.</summary>
public sealed class RoundServiceTests(NationalApp app) : IClassFixture<NationalApp>
{
    private const string Jepara = "33.20";
    private const string Pemalang = "33.27";
    private const string Jombang = "35.17";

    private static RoundInput Input(string name, int templateId, DateTime? self = null) => new()
    {
        Name = name,
        Kind = RoundKind.YearlyEvaluation,
        Year = 2026,
        TemplateId = templateId,
        SelfAssessmentOpensOn = self ?? new DateTime(2026, 3, 1),
        ScoringOpensOn = new DateTime(2026, 4, 1),
        ReconciliationOpensOn = new DateTime(2026, 5, 1),
        FinalisesOn = new DateTime(2026, 5, 31),
    };

    private async Task<int> YearlyTemplateAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.Instruments.Where(i => i.IsTemplate && i.Kind == RoundKind.YearlyEvaluation)
            .OrderByDescending(i => i.VersionNumber).Select(i => i.Id).FirstAsync();
    }

    private async Task<int> RegencyIdAsync(string code)
    {
        await using var db = app.CreateDbContext();
        return await db.Regencies.Where(r => r.Code == code).Select(r => r.Id).SingleAsync();
    }

    private async Task<string> UserIdAsync(string userName)
    {
        await using var db = app.CreateDbContext();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    private async Task<int> CreateRoundAsync(string name)
    {
        await using var admin = await app.AsAsync("admin");
        var result = await admin.Get<RoundService>().CreateAsync(Input(name, await YearlyTemplateAsync()));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.SelectMany(e => e.Value)));
        return result.Id!.Value;
    }

    [Fact]
    public async Task Dates_out_of_order_are_refused_and_nothing_is_saved()
    {
        await using var admin = await app.AsAsync("admin");
        await using var db = app.CreateDbContext();
        var before = await db.AssessmentRounds.CountAsync();
        var input = Input("Ronde tanggal terbalik", await YearlyTemplateAsync());
        input.ScoringOpensOn = new DateTime(2026, 2, 1);

        var result = await admin.Get<RoundService>().CreateAsync(input);

        Assert.False(result.Succeeded);
        Assert.Contains("berurutan", Assert.Single(result.Errors[nameof(RoundInput.FinalisesOn)]), StringComparison.Ordinal);
        Assert.Equal(before, await db.AssessmentRounds.CountAsync());
    }

    [Fact]
    public async Task A_round_gets_an_independent_copy_that_a_new_template_version_does_not_change()
    {
        var templateId = await YearlyTemplateAsync();
        var roundId = await CreateRoundAsync("Evaluasi salinan");
        await using var admin = await app.AsAsync("admin");
        var instruments = admin.Get<InstrumentService>();
        var template = (await instruments.GetAsync(templateId))!;
        var round = (await admin.Get<RoundService>().GetAsync(roundId))!;

        Assert.False(round.Instrument.IsTemplate);
        Assert.Equal(templateId, round.Instrument.SourceInstrumentId);
        Assert.NotEqual(templateId, round.Instrument.Id);
        Assert.Equal(template.Criteria.Select(c => (c.Code, c.Weight, c.PerDimension)), round.Instrument.Criteria.Select(c => (c.Code, c.Weight, c.PerDimension)));
        Assert.Equal(template.Bands.Select(b => (b.Name, b.MinInclusive, b.MaxExclusive)), round.Instrument.Bands.Select(b => (b.Name, b.MinInclusive, b.MaxExclusive)));
        Assert.DoesNotContain(round.Instrument.Criteria.Select(c => c.Id), template.Criteria.Select(c => c.Id).Contains);

        // The secretariat edits the template: saved as a new version; the old one and the round's copy stay as they were.
        var edited = InstrumentInput.From(template);
        edited.Criteria[0].Weight += 5;
        edited.Criteria[1].Weight -= 5;
        edited.DivergenceThreshold = 0.5m;
        var saved = await instruments.SaveTemplateAsNewVersionAsync(templateId, edited);

        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.SelectMany(e => e.Value)));
        var newVersion = (await instruments.GetAsync(saved.Id!.Value))!;
        Assert.Equal(template.VersionNumber + 1, newVersion.VersionNumber);
        Assert.True(newVersion.IsTemplate);
        Assert.Equal(template.Criteria[0].Weight + 5, newVersion.Criteria[0].Weight);
        var oldTemplate = (await instruments.GetAsync(templateId))!;
        Assert.Equal(template.Criteria.Select(c => c.Weight), oldTemplate.Criteria.Select(c => c.Weight));
        var roundAfter = (await admin.Get<RoundService>().GetAsync(roundId))!;
        Assert.Equal(round.Instrument.Criteria.Select(c => c.Weight), roundAfter.Instrument.Criteria.Select(c => c.Weight));
        Assert.Equal(round.Instrument.DivergenceThreshold, roundAfter.Instrument.DivergenceThreshold);
        var templates = await instruments.ListTemplatesAsync();
        Assert.Contains(templates, t => t.Id == newVersion.Id && t.IsLatest);
        Assert.Contains(templates, t => t.Id == templateId && !t.IsLatest);
    }

    [Fact]
    public async Task Weights_not_totalling_100_are_refused_with_the_total_and_nothing_is_saved()
    {
        var roundId = await CreateRoundAsync("Evaluasi bobot");
        await using var admin = await app.AsAsync("admin");
        var round = (await admin.Get<RoundService>().GetAsync(roundId))!;
        var input = InstrumentInput.From(round.Instrument);
        input.Criteria[0].Weight += 7;

        var result = await admin.Get<InstrumentService>().SaveRoundInstrumentAsync(roundId, input);

        Assert.False(result.Succeeded);
        Assert.Equal("Jumlah bobot harus tepat 100; saat ini 107.", Assert.Single(result.Errors[nameof(InstrumentInput.Criteria)]));
        var after = (await admin.Get<RoundService>().GetAsync(roundId))!;
        Assert.Equal(round.Instrument.Criteria.Select(c => c.Weight), after.Instrument.Criteria.Select(c => c.Weight));
        Assert.Equal(round.Instrument.Version, after.Instrument.Version);
    }

    [Fact]
    public async Task The_round_copy_is_edited_while_draft_with_overlapping_bands_refused()
    {
        var roundId = await CreateRoundAsync("Evaluasi edit instrumen");
        await using var admin = await app.AsAsync("admin");
        var instruments = admin.Get<InstrumentService>();
        var round = (await admin.Get<RoundService>().GetAsync(roundId))!;

        var overlapping = InstrumentInput.From(round.Instrument);
        overlapping.Bands[1].MaxExclusive = overlapping.Bands[0].MinInclusive + 0.3m;
        var refused = await instruments.SaveRoundInstrumentAsync(roundId, overlapping);
        Assert.Contains("tumpang tindih", Assert.Single(refused.Errors[nameof(InstrumentInput.Bands)]), StringComparison.Ordinal);

        var input = InstrumentInput.From(round.Instrument);
        input.Criteria.Reverse();
        input.Criteria.Add(new CriterionInput { Code = "X", NameId = "Tambahan", NameEn = "Extra", Weight = 10, PerDimension = true });
        input.Criteria.MaxBy(c => c.Weight)!.Weight -= 10;
        input.ScaleMax = 4;
        input.Bands = [new BandInput { Name = "Tinggi", MinInclusive = 3 }, new BandInput { Name = "Rendah", MinInclusive = 0, MaxExclusive = 3 }];
        var saved = await instruments.SaveRoundInstrumentAsync(roundId, input);

        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors.SelectMany(e => e.Value)));
        var after = (await admin.Get<RoundService>().GetAsync(roundId))!.Instrument;
        Assert.Equal(input.Criteria.Select(c => c.Code), after.Criteria.Select(c => c.Code));
        Assert.Equal(100, after.TotalWeight);
        Assert.Equal(4, after.ScaleMax);
        Assert.Equal(["Tinggi", "Rendah"], after.Bands.Select(b => b.Name));

        // A second admin tab with the old version gets a conflict listing what differs.
        var stale = InstrumentInput.From(round.Instrument);
        stale.DivergenceThreshold = 2;
        var conflict = await instruments.SaveRoundInstrumentAsync(roundId, stale);
        Assert.NotNull(conflict.Conflict);
        Assert.Contains(conflict.Conflict.Differences, d => d.Field == "Skala maksimum");
    }

    [Fact]
    public async Task Open_is_refused_with_the_missing_items_then_allowed()
    {
        var roundId = await CreateRoundAsync("Evaluasi pembukaan");
        var jepara = await RegencyIdAsync(Jepara);
        var pemalang = await RegencyIdAsync(Pemalang);
        await using var admin = await app.AsAsync("admin");
        var rounds = admin.Get<RoundService>();
        var assignments = admin.Get<AssignmentService>();

        var empty = await rounds.OpenAsync(roundId);
        Assert.Contains("Belum ada peserta.", empty.Errors["Open"]);

        var added = await rounds.AddParticipantsAsync(roundId, new ParticipantSelection(RegencyCodes: [Jepara, Pemalang, "99.99"]));
        Assert.Equal(2, added.Added);
        Assert.Equal(["99.99"], added.Unknown);
        Assert.True((await assignments.AssignAsync(roundId, jepara, await UserIdAsync("penilai1"))).Succeeded);

        var understaffed = await rounds.OpenAsync(roundId);
        var message = Assert.Single(understaffed.Errors["Open"]);
        Assert.Contains("sedikitnya 2 asesor; 2 peserta belum", message, StringComparison.Ordinal);
        Assert.Contains("Jepara (1)", message, StringComparison.Ordinal);
        Assert.Contains("Pemalang (0)", message, StringComparison.Ordinal);
        Assert.Equal(RoundState.Draft, (await rounds.GetAsync(roundId))!.StoredState);

        Assert.True((await assignments.AssignAsync(roundId, jepara, await UserIdAsync("penilai2"))).Succeeded);
        Assert.True((await assignments.AssignAsync(roundId, pemalang, await UserIdAsync("penilai1"))).Succeeded);
        Assert.True((await assignments.AssignAsync(roundId, pemalang, await UserIdAsync("penilai2"))).Succeeded);
        var duplicate = await assignments.AssignAsync(roundId, pemalang, await UserIdAsync("penilai2"));
        Assert.Equal("Asesor ini sudah ditugaskan untuk daerah ini.", Assert.Single(duplicate.Errors["Assessor"]));

        var opened = await rounds.OpenAsync(roundId);

        Assert.True(opened.Succeeded, string.Join(" ", opened.Errors.SelectMany(e => e.Value)));
        var detail = (await rounds.GetAsync(roundId))!;
        Assert.Equal(RoundState.SelfAssessment, detail.StoredState);
        Assert.False(detail.CanEdit);

        // Opened: frame, instrument and participants are no longer edited.
        var update = await rounds.UpdateAsync(roundId, Input("Lain", 0));
        Assert.Equal("Ronde sudah dibuka; hanya ronde draf yang dapat diubah.", update.Errors.Single().Value.Single());
        var instrument = await admin.Get<InstrumentService>().SaveRoundInstrumentAsync(roundId, InstrumentInput.From(detail.Instrument));
        Assert.False(instrument.Succeeded);
        Assert.False((await rounds.RemoveParticipantAsync(roundId, pemalang)).Succeeded);
    }

    [Fact]
    public async Task Open_is_refused_when_the_instrument_is_invalid()
    {
        var roundId = await CreateRoundAsync("Evaluasi instrumen rusak");
        await using (var db = app.CreateDbContext())
        {
            var instrumentId = await db.AssessmentRounds.Where(r => r.Id == roundId).Select(r => r.InstrumentId).SingleAsync();
            var criterion = await db.Criteria.Where(c => c.InstrumentId == instrumentId).OrderBy(c => c.SortOrder).FirstAsync();
            criterion.Weight += 1;
            await db.SaveChangesAsync();
        }

        await using var admin = await app.AsAsync("admin");
        var result = await admin.Get<RoundService>().OpenAsync(roundId);

        Assert.Contains("Jumlah bobot harus tepat 100; saat ini 101.", result.Errors["Open"]);
    }

    [Fact]
    public async Task The_effective_state_follows_the_dates_in_wib_once_opened()
    {
        var roundId = await CreateRoundAsync("Evaluasi kalender");
        await using (var db = app.CreateDbContext())
        {
            var round = await db.AssessmentRounds.SingleAsync(r => r.Id == roundId);
            round.State = RoundState.SelfAssessment;
            await db.SaveChangesAsync();
        }

        await using var reader = await app.AsAsync("penilai1");
        async Task<RoundState> StateAt(string instant)
        {
            using var pin = app.Clock.Pin(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture));
            var detail = (await reader.Get<RoundService>().GetAsync(roundId))!;
            var row = (await reader.Get<RoundService>().ListAsync()).Single(r => r.Id == roundId);
            Assert.Equal(detail.State, row.State);
            return detail.State;
        }

        Assert.Equal(RoundState.Draft, await StateAt("2026-02-28T16:59:00Z"));          // 23:59 WIB on 28 Feb
        Assert.Equal(RoundState.SelfAssessment, await StateAt("2026-02-28T17:00:00Z")); // 00:00 WIB on 1 Mar
        Assert.Equal(RoundState.Scoring, await StateAt("2026-04-01T00:00:00Z"));
        Assert.Equal(RoundState.Reconciliation, await StateAt("2026-05-01T00:00:00Z"));
        Assert.Equal(RoundState.Reconciliation, await StateAt("2026-07-01T00:00:00Z"));
    }

    [Fact]
    public async Task An_assignment_with_a_declared_conflict_is_refused_and_a_conflict_with_an_open_assignment_too()
    {
        var roundId = await CreateRoundAsync("Evaluasi konflik");
        var jombang = await RegencyIdAsync(Jombang);
        var pemalang = await RegencyIdAsync(Pemalang);
        await using var admin = await app.AsAsync("admin");
        await admin.Get<RoundService>().AddParticipantsAsync(roundId, new ParticipantSelection(RegencyCodes: [Jombang, Pemalang]));
        await using var assessor = await app.AsAsync("penilai2");
        var penilai2 = await UserIdAsync("penilai2");

        var declared = await assessor.Get<AssignmentService>().DeclareConflictAsync(new ConflictInput { RegencyId = jombang, Reason = "Saudara kandung bekerja di Diskominfo Jombang." });
        Assert.True(declared.Succeeded, string.Join(" ", declared.Errors.SelectMany(e => e.Value)));
        var again = await assessor.Get<AssignmentService>().DeclareConflictAsync(new ConflictInput { RegencyId = jombang, Reason = "Lagi." });
        Assert.False(again.Succeeded);

        await using var db = app.CreateDbContext();
        var before = await db.AssessorAssignments.CountAsync(a => a.RoundId == roundId);
        var refused = await admin.Get<AssignmentService>().AssignAsync(roundId, jombang, penilai2);
        Assert.Equal("Penilai Nasional 2 telah menyatakan konflik kepentingan dengan Kabupaten Jombang; penugasan ditolak.", Assert.Single(refused.Errors["Assessor"]));
        Assert.Equal(before, await db.AssessorAssignments.CountAsync(a => a.RoundId == roundId));

        // Already assigned to Pemalang in a round not finalised: the declaration is refused, nothing removed silently.
        Assert.True((await admin.Get<AssignmentService>().AssignAsync(roundId, pemalang, penilai2)).Succeeded);
        var blocked = await assessor.Get<AssignmentService>().DeclareConflictAsync(new ConflictInput { RegencyId = pemalang, Reason = "Mantan konsultan." });
        Assert.Contains("Minta admin", Assert.Single(blocked.Errors[nameof(ConflictInput.RegencyId)]), StringComparison.Ordinal);
        Assert.True(await db.AssessorAssignments.AnyAsync(a => a.RoundId == roundId && a.RegencyId == pemalang && a.AssessorId == penilai2));
        Assert.False(await db.ConflictsOfInterest.AnyAsync(c => c.AssessorId == penilai2 && c.RegencyId == pemalang));

        var mine = await assessor.Get<AssignmentService>().ListConflictsAsync();
        Assert.All(mine, c => Assert.Equal(penilai2, c.AssessorId));
        Assert.Contains(mine, c => c.RegencyCode == Jombang);
        await using var other = await app.AsAsync("penilai1");
        Assert.DoesNotContain(await other.Get<AssignmentService>().ListConflictsAsync(), c => c.AssessorId == penilai2);
        Assert.Contains(await admin.Get<AssignmentService>().ListConflictsAsync(), c => c.AssessorId == penilai2 && c.RegencyCode == Jombang);

        var notAssessor = await admin.Get<AssignmentService>().AssignAsync(roundId, pemalang, await UserIdAsync("bappeda.jepara"));
        Assert.Equal("Pengguna ini bukan asesor aktif.", Assert.Single(notAssessor.Errors["Assessor"]));
        await Assert.ThrowsAsync<AccessDeniedException>(() => admin.Get<AssignmentService>().DeclareConflictAsync(new ConflictInput { RegencyId = pemalang, Reason = "Admin." }));
    }

    [Theory]
    [InlineData("penilai1")]
    [InlineData("bappeda.jepara")]
    public async Task Non_admins_may_not_create_update_add_or_assign(string user)
    {
        var roundId = await CreateRoundAsync($"Evaluasi akses {user}");
        var jepara = await RegencyIdAsync(Jepara);
        await using var actor = await app.AsAsync(user);
        await using var db = app.CreateDbContext();
        var rounds = await db.AssessmentRounds.CountAsync();
        var template = await YearlyTemplateAsync();
        var version = await db.AssessmentRounds.Where(r => r.Id == roundId).Select(r => r.Version).SingleAsync();

        await Assert.ThrowsAsync<AccessDeniedException>(() => actor.Get<RoundService>().CreateAsync(Input("Tidak boleh", template)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => actor.Get<RoundService>().UpdateAsync(roundId, Input("Tidak boleh", template)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => actor.Get<RoundService>().AddParticipantsAsync(roundId, new ParticipantSelection(RegencyCodes: [Jepara])));
        await Assert.ThrowsAsync<AccessDeniedException>(() => actor.Get<RoundService>().OpenAsync(roundId));
        await Assert.ThrowsAsync<AccessDeniedException>(() => actor.Get<AssignmentService>().AssignAsync(roundId, jepara, "x"));
        await Assert.ThrowsAsync<AccessDeniedException>(() => actor.Get<InstrumentService>().SaveTemplateAsNewVersionAsync(template, new InstrumentInput()));

        Assert.Equal(rounds, await db.AssessmentRounds.CountAsync());
        Assert.Equal(version, await db.AssessmentRounds.Where(r => r.Id == roundId).Select(r => r.Version).SingleAsync());
        Assert.False(await db.RoundParticipants.AnyAsync(p => p.RoundId == roundId));
    }

    [Fact]
    public async Task Regency_users_see_only_the_rounds_their_regency_takes_part_in()
    {
        var withJepara = await CreateRoundAsync("Evaluasi dengan Jepara");
        var without = await CreateRoundAsync("Evaluasi tanpa Jepara");
        await using (var admin = await app.AsAsync("admin"))
        {
            await admin.Get<RoundService>().AddParticipantsAsync(withJepara, new ParticipantSelection(RegencyCodes: [Jepara]));
            await admin.Get<RoundService>().AddParticipantsAsync(without, new ParticipantSelection(RegencyCodes: [Pemalang]));
        }

        await using var bappeda = await app.AsAsync("bappeda.jepara");
        var list = await bappeda.Get<RoundService>().ListAsync();

        Assert.Contains(list, r => r.Id == withJepara);
        Assert.DoesNotContain(list, r => r.Id == without);
        Assert.NotNull(await bappeda.Get<RoundService>().GetAsync(withJepara));
        await Assert.ThrowsAsync<AccessDeniedException>(() => bappeda.Get<RoundService>().GetAsync(without));
        await using var assessor = await app.AsAsync("penilai1");
        Assert.Contains(await assessor.Get<RoundService>().ListAsync(), r => r.Id == without);
    }
}
