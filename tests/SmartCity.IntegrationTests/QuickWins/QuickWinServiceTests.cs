using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartCity.Domain.Common;
using SmartCity.Domain.Dimensions;
using SmartCity.Domain.QuickWins;
using SmartCity.IntegrationTests.Web;
using SmartCity.Web.Components.Shared;
using SmartCity.Web.Features.QuickWins;
using static SmartCity.IntegrationTests.QuickWins.QuickWinTestData;

namespace SmartCity.IntegrationTests.QuickWins;

/// <summary>The quick-win register on a real database: writes by the regency's Diskominfo, the authoritative checks, conflicts, audit and the grid's filters.</summary>
public sealed class QuickWinServiceTests(SmallApp app) : IClassFixture<SmallApp>
{
    [Fact]
    public async Task Diskominfo_creates_edits_archives_restores_and_deletes_a_quick_win()
    {
        var jepara = await RegencyIdAsync(app, Jepara);
        var env = await DimensionIdAsync(app, "ENV");
        var element = await ElementIdAsync(app, "ENV");
        var dlh = await UnitIdAsync(app, Jepara, "DLH");
        var name = Unique("Bank Sampah Digital");
        await using var staff = await app.AsAsync(Author);
        var quickWins = staff.Get<QuickWinService>();
        var input = Input(env, name, acronym: "BSD", unitId: dlh, budget: 12_500_000.50m);
        input.ElementId = element;

        var created = await quickWins.CreateAsync(jepara, input);

        Assert.True(created.Succeeded);
        var detail = (await quickWins.GetAsync(created.Id!.Value))!;
        Assert.Equal((name, "BSD", "ENV", element, dlh, 12_500_000.50m, QuickWinStatus.Planned, Jepara), (detail.Name, detail.Acronym, detail.DimensionCode, detail.ElementId, detail.OwnerUnitId, detail.Budget, detail.Status, detail.RegencyCode));
        Assert.Equal((new DateOnly(2026, 1, 5), new DateOnly(2027, 12, 31)), (detail.StartDate, detail.TargetDate));
        Assert.Equal(0, detail.Progress.Percent);
        Assert.Null(detail.Progress.ReportId);
        Assert.True(detail.CanWrite);

        var edit = detail.ToInput();
        edit.Name = name + " Terpadu";
        edit.Budget = 20_000_000;
        edit.Status = QuickWinStatus.Running;
        var updated = await quickWins.UpdateAsync(detail.Id, edit);

        Assert.True(updated.Succeeded);
        var afterEdit = (await quickWins.GetAsync(detail.Id))!;
        Assert.Equal((name + " Terpadu", 20_000_000m, QuickWinStatus.Running), (afterEdit.Name, afterEdit.Budget, afterEdit.Status));
        Assert.NotEqual(detail.Version, afterEdit.Version);

        Assert.True((await quickWins.SetArchivedAsync(detail.Id, true)).Succeeded);
        Assert.True((await quickWins.GetAsync(detail.Id))!.IsArchived);
        Assert.DoesNotContain((await quickWins.ListAsync(new QuickWinQuery(jepara, Search: name))).Items, r => r.Id == detail.Id);
        Assert.Equal(detail.Id, Assert.Single((await quickWins.ListAsync(new QuickWinQuery(jepara, Search: name, Archived: true))).Items).Id);

        Assert.True((await quickWins.SetArchivedAsync(detail.Id, false)).Succeeded);
        Assert.Equal(detail.Id, Assert.Single((await quickWins.ListAsync(new QuickWinQuery(jepara, Search: name))).Items).Id);

        var plan = staff.Get<QuickWinPlanService>();
        Assert.True((await plan.SaveMilestoneAsync(detail.Id, null, new MilestoneInput { Name = "Analisis kebutuhan", Weight = 1 })).Succeeded);
        Assert.True((await plan.SaveKpiAsync(detail.Id, null, new KpiInput { Name = "Nasabah", Unit = "orang", Baseline = 0, Target = 500 })).Succeeded);
        var counts = await CountsAsync(app);

        var deleted = await quickWins.DeleteAsync(detail.Id);

        Assert.True(deleted.Succeeded);
        Assert.Equal((counts.QuickWins - 1, counts.Milestones - 1, counts.Kpis - 1), ((await CountsAsync(app)).QuickWins, (await CountsAsync(app)).Milestones, (await CountsAsync(app)).Kpis));
        await using var db = app.CreateDbContext();
        Assert.False(await db.QuickWins.AnyAsync(q => q.Id == detail.Id));
        Assert.False(await db.Milestones.AnyAsync(m => m.QuickWinId == detail.Id));
        Assert.False(await db.Kpis.AnyAsync(k => k.QuickWinId == detail.Id));
    }

    [Fact]
    public async Task A_quick_win_with_a_report_cannot_be_deleted()
    {
        var id = await CreateFreshAsync(app, "Uji hapus");
        await SaveReportAsync(app, id, "2026-10", 10, submit: false);
        await using var staff = await app.AsAsync(Author);
        var counts = await CountsAsync(app);

        var result = await staff.Get<QuickWinService>().DeleteAsync(id);

        Assert.False(result.Succeeded);
        Assert.Equal("Quick win yang sudah memiliki laporan tidak dapat dihapus; arsipkan saja.", Assert.Single(result.Errors[nameof(QuickWinInput.Name)]));
        Assert.Equal(counts, await CountsAsync(app));
        Assert.NotNull(await staff.Get<QuickWinService>().GetAsync(id));
    }

    public static TheoryData<string, string> BadInputs => new()
    {
        { "empty name", nameof(QuickWinInput.Name) },
        { "blank name", nameof(QuickWinInput.Name) },
        { "name too long", nameof(QuickWinInput.Name) },
        { "target before start", nameof(QuickWinInput.TargetDate) },
        { "negative budget", nameof(QuickWinInput.Budget) },
        { "no budget", nameof(QuickWinInput.Budget) },
        { "no dimension", nameof(QuickWinInput.DimensionId) },
        { "no start", nameof(QuickWinInput.StartDate) },
        { "acronym too long", nameof(QuickWinInput.Acronym) },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_refused_per_field_on_create_and_update_and_saves_nothing(string bad, string field)
    {
        var jepara = await RegencyIdAsync(app, Jepara);
        var existing = await CreateFreshAsync(app, "Uji input");
        var gov = await DimensionIdAsync(app, "GOV");
        QuickWinInput Bad()
        {
            var input = Input(gov, Unique("Uji salah"));
            switch (bad)
            {
                case "empty name": input.Name = ""; break;
                case "blank name": input.Name = "   "; break;
                case "name too long": input.Name = new string('n', TextLimits.Name + 1); break;
                case "target before start": input.TargetDate = input.StartDate!.Value.AddDays(-1); break;
                case "negative budget": input.Budget = -1; break;
                case "no budget": input.Budget = null; break;
                case "no dimension": input.DimensionId = null; break;
                case "no start": input.StartDate = null; break;
                case "acronym too long": input.Acronym = new string('A', TextLimits.ShortName + 1); break;
            }

            return input;
        }

        await using var staff = await app.AsAsync(Author);
        var quickWins = staff.Get<QuickWinService>();
        var before = await CountsAsync(app);
        var loaded = (await quickWins.GetAsync(existing))!;

        var created = await quickWins.CreateAsync(jepara, Bad());
        var edit = Bad();
        edit.Version = loaded.Version;
        var updated = await quickWins.UpdateAsync(existing, edit);

        foreach (var result in new[] { created, updated })
        {
            Assert.False(result.Succeeded);
            Assert.Null(result.Conflict);
            Assert.NotEmpty(result.Errors[field]);
        }

        Assert.Equal(before, await CountsAsync(app));
        var after = (await quickWins.GetAsync(existing))!;
        Assert.Equal((loaded.Name, loaded.Version, loaded.Budget, loaded.TargetDate), (after.Name, after.Version, after.Budget, after.TargetDate));
    }

    [Fact]
    public async Task The_service_refuses_what_the_form_cannot_check_and_saves_nothing()
    {
        var jepara = await RegencyIdAsync(app, Jepara);
        var gov = await DimensionIdAsync(app, "GOV");
        var envElement = await ElementIdAsync(app, "ENV");
        var jombangUnit = await UnitIdAsync(app, Jombang, "Setda");
        var jombangProgramme = await ProgrammeIdAsync(app, Jombang);
        var jeparaProgramme = await ProgrammeIdAsync(app, Jepara);

        await using var staff = await app.AsAsync(Author);
        var quickWins = staff.Get<QuickWinService>();
        var before = await CountsAsync(app);

        var wrongElement = Input(gov, Unique("Uji elemen"));
        wrongElement.ElementId = envElement;
        var foreignUnit = Input(gov, Unique("Uji OPD"), unitId: jombangUnit);
        var foreignProgramme = Input(gov, Unique("Uji program"));
        foreignProgramme.ProgrammeId = jombangProgramme;
        var completed = Input(gov, Unique("Uji selesai"), status: QuickWinStatus.Completed);

        var element = await quickWins.CreateAsync(jepara, wrongElement);
        var unit = await quickWins.CreateAsync(jepara, foreignUnit);
        var programme = await quickWins.CreateAsync(jepara, foreignProgramme);
        var done = await quickWins.CreateAsync(jepara, completed);

        Assert.Equal("Elemen harus termasuk dimensi yang dipilih.", Assert.Single(element.Errors[nameof(QuickWinInput.ElementId)]));
        Assert.NotEmpty(unit.Errors[nameof(QuickWinInput.OwnerUnitId)]);
        Assert.NotEmpty(programme.Errors[nameof(QuickWinInput.ProgrammeId)]);
        Assert.Equal("Status \"Selesai\" memerlukan laporan terverifikasi 100 %.", Assert.Single(done.Errors[nameof(QuickWinInput.Status)]));
        Assert.Equal(before, await CountsAsync(app));

        // The programme of the regency itself is accepted; "completed" stays refused on an edit with only a 60 % verified report.
        var own = Input(gov, Unique("Uji program sendiri"));
        own.ProgrammeId = jeparaProgramme;
        var ownSaved = await quickWins.CreateAsync(jepara, own);
        Assert.True(ownSaved.Succeeded);
        var (reportId, _) = await SaveReportAsync(app, ownSaved.Id!.Value, "2026-10", 60, submit: true);
        Assert.True((await VerifyAsync(app, reportId)).Succeeded);
        var edit = (await quickWins.GetAsync(ownSaved.Id.Value))!.ToInput();
        edit.Status = QuickWinStatus.Completed;

        var notYet = await quickWins.UpdateAsync(ownSaved.Id.Value, edit);

        Assert.NotEmpty(notYet.Errors[nameof(QuickWinInput.Status)]);
        Assert.Equal(QuickWinStatus.Running, (await quickWins.GetAsync(ownSaved.Id.Value))!.Status);
    }

    [Fact]
    public async Task A_second_editor_gets_a_conflict_with_who_and_what_and_may_overwrite()
    {
        var id = await CreateFreshAsync(app, "Uji konflik");
        await using var first = await app.AsAsync(Author);
        await using var second = await app.AsAsync(Verifier);
        var firstInput = (await first.Get<QuickWinService>().GetAsync(id))!.ToInput();
        var secondInput = (await second.Get<QuickWinService>().GetAsync(id))!.ToInput();
        var originalName = firstInput.Name;
        firstInput.Budget = 75_000_000;
        secondInput.Name = originalName + " (versi kedua)";

        var firstSave = await first.Get<QuickWinService>().UpdateAsync(id, firstInput);
        var secondSave = await second.Get<QuickWinService>().UpdateAsync(id, secondInput);

        Assert.True(firstSave.Succeeded);
        Assert.False(secondSave.Succeeded);
        var conflict = Assert.IsType<SmartCity.Web.Common.ConcurrencyConflict>(secondSave.Conflict);
        Assert.Equal(Author, conflict.ChangedBy);
        Assert.Equal(firstSave.Version, conflict.CurrentVersion);
        Assert.Contains(conflict.Differences, d => d.Yours == originalName + " (versi kedua)" && d.Saved == originalName);
        Assert.Contains(conflict.Differences, d => d.Yours == Format.Money(50_000_000) && d.Saved == Format.Money(75_000_000));
        var saved = await DetailAsync(app, id);
        Assert.Equal((originalName, 75_000_000m, firstSave.Version), (saved.Name, saved.Budget, saved.Version));

        var overwrite = await second.Get<QuickWinService>().UpdateAsync(id, secondInput, overwrite: true);

        Assert.True(overwrite.Succeeded);
        var after = await DetailAsync(app, id);
        Assert.Equal((originalName + " (versi kedua)", 50_000_000m), (after.Name, after.Budget));
    }

    [Fact]
    public async Task Creating_and_editing_are_audited_with_user_regency_and_old_and_new_values()
    {
        var jepara = await RegencyIdAsync(app, Jepara);
        var id = await CreateFreshAsync(app, "Uji audit");
        var edit = (await DetailAsync(app, id)).ToInput();
        edit.Budget = 60_000_000;
        await using (var staff = await app.AsAsync(Author))
        {
            Assert.True((await staff.Get<QuickWinService>().UpdateAsync(id, edit)).Succeeded);
        }

        await using var db = app.CreateDbContext();
        var key = id.ToString(CultureInfo.InvariantCulture);
        var rows = await db.AuditEntries.AsNoTracking().Where(a => a.Entity == nameof(QuickWin) && a.EntityKey == key).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([AuditAction.Insert, AuditAction.Update], rows.Select(r => r.Action));
        Assert.All(rows, r => Assert.Equal((Author, (int?)jepara), (r.UserName, r.RegencyId)));
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r.CorrelationId)));
        using (var inserted = JsonDocument.Parse(rows[0].Changes))
        {
            Assert.Contains(inserted.RootElement.EnumerateArray(), c => c.GetProperty("field").GetString() == "Name" && c.GetProperty("old").ValueKind == JsonValueKind.Null && c.GetProperty("new").GetString() == edit.Name);
        }

        using var changes = JsonDocument.Parse(rows[1].Changes);
        var change = Assert.Single(changes.RootElement.EnumerateArray());
        Assert.Equal("Budget", change.GetProperty("field").GetString());
        Assert.Equal(50_000_000m, decimal.Parse(change.GetProperty("old").GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal(60_000_000m, decimal.Parse(change.GetProperty("new").GetString()!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_register_filters_return_what_they_should()
    {
        var jepara = await RegencyIdAsync(app, Jepara);
        var token = Guid.NewGuid().ToString("N")[..10];
        var env = await DimensionIdAsync(app, "ENV");
        var liv = await DimensionIdAsync(app, "LIV");
        var dlh = await UnitIdAsync(app, Jepara, "DLH");
        var dinkes = await UnitIdAsync(app, Jepara, "Dinkes");
        var delayed = await CreateAsync(app, Input(env, $"Filter {token} terlambat", new DateTime(2025, 1, 6), new DateTime(2025, 12, 31), QuickWinStatus.Running, unitId: dlh));
        // "On time" runs from February of this year (the programme clock's) to June of the next, whatever the date of the run.
        var year = app.Clock.Today(IndonesianTimeZone.Wib).Year;
        var (runsFrom, runsTo) = (new DateTime(year, 2, 2), new DateTime(year + 1, 6, 30));
        var onTime = await CreateAsync(app, Input(liv, $"Filter {token} tepat", runsFrom, runsTo, QuickWinStatus.Running, unitId: dinkes));
        var stopped = await CreateAsync(app, Input(env, $"Filter {token} berhenti", new DateTime(2024, 1, 8), new DateTime(2024, 6, 28), QuickWinStatus.Stopped, unitId: dlh));
        var archived = await CreateAsync(app, Input(liv, $"Filter {token} arsip", runsFrom, runsTo));
        await using var staff = await app.AsAsync(Author);
        var quickWins = staff.Get<QuickWinService>();
        Assert.True((await quickWins.SetArchivedAsync(archived, true)).Succeeded);

        async Task<int[]> Ids(QuickWinQuery query) =>
            (await quickWins.ListAsync(query with { RegencyId = jepara, Search = token })).Items.Select(r => r.Id).Order().ToArray();
        int[] Of(params int[] ids) => ids.Order().ToArray();

        Assert.Equal(Of(delayed, onTime, stopped), await Ids(new QuickWinQuery()));
        Assert.Equal(Of(delayed, stopped), await Ids(new QuickWinQuery(DimensionCode: "ENV")));
        Assert.Equal(Of(onTime), await Ids(new QuickWinQuery(DimensionCode: "LIV")));
        Assert.Equal(Of(stopped), await Ids(new QuickWinQuery(Status: QuickWinStatus.Stopped)));
        Assert.Equal(Of(delayed, onTime), await Ids(new QuickWinQuery(Status: QuickWinStatus.Running)));
        Assert.Equal(Of(delayed, stopped), await Ids(new QuickWinQuery(OwnerUnitId: dlh)));
        Assert.Equal(Of(onTime), await Ids(new QuickWinQuery(OwnerUnitId: dinkes)));
        Assert.Equal(Of(stopped), await Ids(new QuickWinQuery(Year: 2024)));
        Assert.Equal(Of(delayed), await Ids(new QuickWinQuery(Year: 2025)));
        Assert.Equal(Of(onTime), await Ids(new QuickWinQuery(Year: year + 1)));
        Assert.Equal(Of(delayed), await Ids(new QuickWinQuery(Delayed: true)));
        Assert.Equal(Of(onTime, stopped), await Ids(new QuickWinQuery(Delayed: false)));
        Assert.Equal(Of(archived), await Ids(new QuickWinQuery(Archived: true)));
        var delayedRow = Assert.Single((await quickWins.ListAsync(new QuickWinQuery(jepara, Search: token, Delayed: true))).Items);
        Assert.True(delayedRow.IsDelayed);
        Assert.True((await quickWins.GetAsync(delayed))!.IsDelayed);
        Assert.False((await quickWins.GetAsync(onTime))!.IsDelayed);

        // Search by acronym (the demo Simpus's name does not contain it); the name and the acronym are both searched.
        var simpus = await quickWins.ListAsync(new QuickWinQuery(jepara, Search: "simpus"));
        Assert.Equal("Sistem Manajemen Puskesmas Terintegrasi BPJS", Assert.Single(simpus.Items).Name);
        Assert.Equal(0, (await quickWins.ListAsync(new QuickWinQuery(jepara, Search: "tidak-ada-" + token))).Total);
        Assert.Equal(0, (await quickWins.ListAsync(new QuickWinQuery(jepara, Search: "%"))).Total);
    }

    [Fact]
    public async Task Sorting_by_progress_descending_puts_completed_quick_wins_first()
    {
        var jepara = await RegencyIdAsync(app, Jepara);
        await using var staff = await app.AsAsync(Author);

        var page = await staff.Get<QuickWinService>().ListAsync(new QuickWinQuery(jepara, Sort: QuickWinSort.Progress, Descending: true, PageSize: 200));

        Assert.True(page.Total >= 9);
        Assert.Equal(100, page.Items[0].Progress);
        Assert.Equal(page.Items.Select(r => r.Progress).OrderDescending(), page.Items.Select(r => r.Progress));
        var tic = Assert.Single(page.Items, r => r.Acronym == "TIC");
        await using (var db = app.CreateDbContext())
        {
            var latest = await db.ProgressReports.Where(r => r.QuickWinId == tic.Id && r.State == ReportState.Verified).OrderByDescending(r => r.PeriodEnd)
                .Select(r => new { r.Percent, r.Period }).FirstAsync();
            Assert.Equal((latest.Percent, latest.Period), (tic.Progress, tic.ProgressPeriod));
        }

        var ascending = await staff.Get<QuickWinService>().ListAsync(new QuickWinQuery(jepara, Sort: QuickWinSort.Progress, PageSize: 200));
        Assert.Equal(page.Items.Select(r => r.Progress).Order(), ascending.Items.Select(r => r.Progress));
    }

    [Fact]
    public async Task National_users_list_every_regency_and_regency_users_get_their_own()
    {
        var jepara = await RegencyIdAsync(app, Jepara);
        await using var admin = await app.AsAsync("admin");
        await using var staff = await app.AsAsync(Author);

        var national = await admin.Get<QuickWinService>().ListAsync(new QuickWinQuery(PageSize: 200));
        var own = await staff.Get<QuickWinService>().ListAsync(new QuickWinQuery(PageSize: 200));
        var explicitJepara = await staff.Get<QuickWinService>().ListAsync(new QuickWinQuery(jepara, PageSize: 200));

        Assert.Contains(national.Items, r => r.RegencyCode == Jepara);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(await db.QuickWins.CountAsync(q => !q.IsArchived), national.Total);
        }

        Assert.True(own.Total >= 9);
        Assert.All(own.Items, r => Assert.Equal(Jepara, r.RegencyCode));
        Assert.Equal(explicitJepara.Items.Select(r => r.Id), own.Items.Select(r => r.Id));

        var frame = (await staff.Get<QuickWinService>().FrameAsync(null))!;
        Assert.Equal((jepara, Jepara, true), (frame.RegencyId, frame.RegencyCode, frame.CanWrite));
        Assert.Contains(frame.Units, u => u.Name == "DLH");
        Assert.Equal(DimensionCodes.All, frame.Dimensions.Select(d => d.Code));
        var nationalFrame = (await admin.Get<QuickWinService>().FrameAsync(null))!;
        Assert.Null(nationalFrame.RegencyId);
        Assert.False(nationalFrame.CanWrite);
        Assert.Null(await admin.Get<QuickWinService>().FrameAsync("99.99"));
        await using var bappeda = await app.AsAsync("bappeda.jepara");
        Assert.False((await bappeda.Get<QuickWinService>().FrameAsync(Jepara))!.CanWrite);
    }

    [Fact]
    public async Task The_form_offers_dimensions_with_their_elements_and_the_regency_own_units_and_programmes()
    {
        var jepara = await RegencyIdAsync(app, Jepara);
        var programme = await ProgrammeIdAsync(app, Jepara);
        var foreign = await ProgrammeIdAsync(app, Jombang);
        await using var staff = await app.AsAsync(Author);

        var options = await staff.Get<QuickWinService>().OptionsAsync(jepara);

        Assert.Equal(DimensionCodes.All.Order(), options.Dimensions.Select(d => d.Code).Order());
        Assert.All(options.Dimensions, d => Assert.All(d.Elements, e => Assert.Equal(d.Id, e.DimensionId)));
        Assert.Contains(options.Units, u => u.Name == "Dinas Lingkungan Hidup (DLH)");
        await using var db = app.CreateDbContext();
        Assert.Equal(await db.GovernmentUnits.CountAsync(u => u.RegencyId == jepara && u.IsActive), options.Units.Count);
        Assert.Equal(await db.Programmes.CountAsync(p => p.RegencyId == jepara), options.Programmes.Count);
        Assert.Contains(options.Programmes, p => p.Id == programme);
        Assert.DoesNotContain(options.Programmes, p => p.Id == foreign);
    }
}
