using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SmartCity.Domain.Common;
using SmartCity.Domain.Masterplans;
using SmartCity.Domain.QuickWins;
using SmartCity.IntegrationTests.Web;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.Masterplans;
using SmartCity.Web.Features.Masterplans.Programmes;
using SmartCity.Web.Features.QuickWins;
using static SmartCity.IntegrationTests.QuickWins.QuickWinTestData;

namespace SmartCity.IntegrationTests.Masterplans;

/// <summary>
/// Block 4 and 6 of the masterplan editor on a real database: Jombang's planner drafts programmes in a plan for 2050–2055
/// (horizons from the settings: short 2050–2051, medium 2052–2054, long 2055), the authoritative checks, conflicts, and
/// programmes becoming quick wins through the quick-win service.
/// </summary>
public sealed class ProgrammeServiceTests(SmallApp app) : IClassFixture<SmallApp>
{
    private const string Planner = "bappeda.jombang";

    [Fact]
    public async Task A_planner_saves_a_programme_with_its_KPIs_and_edits_them_as_a_set()
    {
        var planId = await PlanAsync(2050, 2055);
        var goalId = await GoalAsync(planId, "GOV");
        var input = await InputAsync("GOV", Unique("Layanan perizinan daring"));
        input.ElementId = await ElementIdAsync(app, "GOV");
        input.OwnerUnitId = await UnitIdAsync(app, Jombang, "Diskominfo");
        input.GoalId = goalId;
        input.BudgetEstimate = 750_000_000;
        input.RpjmdReference = "Program Peningkatan Pelayanan Publik Berbasis e-Government";
        input.Kpis = [Kpi("Izin terbit daring", "izin", 0, 1200), Kpi("Waktu layanan", "hari", 14, 3)];
        await using var planner = await app.AsAsync(Planner);
        var programmes = planner.Get<MasterplanProgrammeService>();

        var saved = await programmes.SaveAsync(planId, null, input);

        Assert.True(saved.Succeeded, Errors(saved));
        var row = await RowAsync(planId, saved.Id!.Value);
        Assert.Equal((input.Name, "GOV", "Diskominfo", Horizon.ShortTerm, 2050, 2051, 750_000_000m, (int?)goalId), (row.Name, row.DimensionCode, row.Owner, row.Horizon, row.StartYear, row.EndYear, row.BudgetEstimate, row.GoalId));
        Assert.Equal([("Izin terbit daring", "izin", 0m, 1200m), ("Waktu layanan", "hari", 14m, 3m)], row.Kpis.Select(k => (k.Name, k.Unit!, k.Baseline!.Value, k.Target!.Value)));

        var edit = PlanProgrammeInput.From(row);
        edit.Kpis = [Kpi("Izin terbit daring", "izin", 0, 1500)];
        var edited = await programmes.SaveAsync(planId, row.Id, edit);

        Assert.True(edited.Succeeded, Errors(edited));
        var after = await RowAsync(planId, row.Id);
        Assert.Equal([("Izin terbit daring", 1500m)], after.Kpis.Select(k => (k.Name, k.Target!.Value)));
        Assert.NotEqual(row.Version, after.Version);
        await using var db = app.CreateDbContext();
        var key = row.Id.ToString(CultureInfo.InvariantCulture);
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.Entity == nameof(Programme) && a.EntityKey == key).Select(a => new { a.Action, a.UserName }).ToListAsync();
        Assert.Contains(audit, a => a.Action == AuditAction.Insert && a.UserName == Planner);
        var oldKpis = row.Kpis.Select(k => k.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        var kpiAudit = await db.AuditEntries.AsNoTracking().Where(a => a.Entity == nameof(ProgrammeKpi) && oldKpis.Contains(a.EntityKey)).Select(a => a.Action).ToListAsync();
        Assert.Equal(2, kpiAudit.Count(a => a == AuditAction.Delete));
    }

    [Theory]
    [InlineData(2049, 2051, nameof(PlanProgrammeInput.StartYear))]
    [InlineData(2054, 2056, nameof(PlanProgrammeInput.EndYear))]
    public async Task Years_outside_the_period_are_refused_naming_the_period_and_nothing_is_saved(int start, int end, string field)
    {
        var planId = await PlanAsync(2050, 2055);
        var input = await InputAsync("ECO", Unique("Pasar daring"), start, end);
        input.Horizon = start < 2052 ? Horizon.ShortTerm : Horizon.MediumTerm;
        var before = await ProgrammeCountAsync(planId);
        await using var planner = await app.AsAsync(Planner);

        var result = await planner.Get<MasterplanProgrammeService>().SaveAsync(planId, null, input);

        Assert.False(result.Succeeded);
        Assert.Contains("2050–2055", Assert.Single(result.Errors[field]), StringComparison.Ordinal);
        Assert.Equal(before, await ProgrammeCountAsync(planId));
    }

    [Fact]
    public async Task A_horizon_that_does_not_match_the_start_year_is_refused_naming_its_years()
    {
        var planId = await PlanAsync(2050, 2055);
        var input = await InputAsync("LIV", Unique("Puskesmas terintegrasi"), 2053, 2054);
        input.Horizon = Horizon.ShortTerm;
        var before = await ProgrammeCountAsync(planId);
        await using var planner = await app.AsAsync(Planner);
        var programmes = planner.Get<MasterplanProgrammeService>();

        var result = await programmes.SaveAsync(planId, null, input);

        var message = Assert.Single(result.Errors[nameof(PlanProgrammeInput.Horizon)]);
        Assert.Contains("2050–2051", message, StringComparison.Ordinal);
        Assert.Contains("2053", message, StringComparison.Ordinal);
        Assert.Equal(before, await ProgrammeCountAsync(planId));

        input.Horizon = Horizon.MediumTerm;
        Assert.True((await programmes.SaveAsync(planId, null, input)).Succeeded);
        input.StartYear = input.EndYear = 2055;
        Assert.Contains("2055", Assert.Single((await programmes.SaveAsync(planId, null, input)).Errors[nameof(PlanProgrammeInput.Horizon)]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_element_of_another_dimension_an_OPD_of_another_regency_and_a_goal_of_another_dimension_are_refused()
    {
        var planId = await PlanAsync(2050, 2055);
        var envGoal = await GoalAsync(planId, "ENV");
        var before = await ProgrammeCountAsync(planId);
        await using var planner = await app.AsAsync(Planner);
        var programmes = planner.Get<MasterplanProgrammeService>();

        var element = await InputAsync("GOV", Unique("Salah elemen"));
        element.ElementId = await ElementIdAsync(app, "ENV");
        var unit = await InputAsync("GOV", Unique("Salah OPD"));
        unit.OwnerUnitId = await UnitIdAsync(app, Jepara, "Diskominfo");
        var goal = await InputAsync("GOV", Unique("Salah sasaran"));
        goal.GoalId = envGoal;

        Assert.Contains(nameof(PlanProgrammeInput.ElementId), (await programmes.SaveAsync(planId, null, element)).Errors.Keys);
        Assert.Contains(nameof(PlanProgrammeInput.OwnerUnitId), (await programmes.SaveAsync(planId, null, unit)).Errors.Keys);
        Assert.Contains(nameof(PlanProgrammeInput.GoalId), (await programmes.SaveAsync(planId, null, goal)).Errors.Keys);
        Assert.Equal(before, await ProgrammeCountAsync(planId));
    }

    [Fact]
    public async Task A_second_save_with_an_old_version_is_a_conflict_showing_the_fields_and_overwrite_wins()
    {
        var planId = await PlanAsync(2050, 2055);
        var input = await InputAsync("SOC", Unique("Sekolah digital"));
        input.Kpis = [Kpi("Sekolah terhubung", "sekolah", 10, 100)];
        await using var planner = await app.AsAsync(Planner);
        var programmes = planner.Get<MasterplanProgrammeService>();
        var id = (await programmes.SaveAsync(planId, null, input)).Id!.Value;
        var loaded = await RowAsync(planId, id);

        var first = PlanProgrammeInput.From(loaded);
        first.Name = loaded.Name + " tahap I";
        Assert.True((await programmes.SaveAsync(planId, id, first)).Succeeded);

        var second = PlanProgrammeInput.From(loaded);
        second.BudgetEstimate = 90_000_000;
        second.Kpis = [Kpi("Sekolah terhubung", "sekolah", 10, 250)];
        var conflict = await programmes.SaveAsync(planId, id, second);

        Assert.NotNull(conflict.Conflict);
        Assert.Equal(Planner, conflict.Conflict.ChangedBy);
        var fields = conflict.Conflict.Differences.ToDictionary(d => d.Field);
        Assert.Equal((loaded.Name, loaded.Name + " tahap I"), (fields["Nama program"].Yours, fields["Nama program"].Saved));
        Assert.True(fields.ContainsKey("Perkiraan anggaran (Rp)"));
        Assert.Equal(("Sekolah terhubung: 10 → 250 sekolah", "Sekolah terhubung: 10 → 100 sekolah"), (fields["Indikator kinerja (KPI)"].Yours, fields["Indikator kinerja (KPI)"].Saved));
        Assert.Equal(loaded.Name + " tahap I", (await RowAsync(planId, id)).Name);

        Assert.True((await programmes.SaveAsync(planId, id, second, overwrite: true)).Succeeded);
        var overwritten = await RowAsync(planId, id);
        Assert.Equal((loaded.Name, 90_000_000m, 250m), (overwritten.Name, overwritten.BudgetEstimate!.Value, overwritten.Kpis.Single().Target!.Value));
    }

    [Fact]
    public async Task A_programme_becomes_a_quick_win_through_the_quick_win_service_and_cannot_be_deleted_while_linked()
    {
        var planId = await PlanAsync(2050, 2055);
        var input = await InputAsync("ENV", Unique("Bank sampah digital"));
        input.ElementId = await ElementIdAsync(app, "ENV");
        input.OwnerUnitId = await UnitIdAsync(app, Jombang, "Setda");
        input.BudgetEstimate = 120_000_000;
        await using var planner = await app.AsAsync(Planner);
        var programmes = planner.Get<MasterplanProgrammeService>();
        var programmeId = (await programmes.SaveAsync(planId, null, input)).Id!.Value;

        var created = await programmes.CreateQuickWinAsync(programmeId, FromProgramme("BSD"));

        Assert.True(created.Succeeded, Errors(created));
        await using (var db = app.CreateDbContext())
        {
            var quickWin = await db.QuickWins.AsNoTracking().SingleAsync(q => q.Id == created.Id);
            Assert.Equal((input.Name, "BSD", (int?)programmeId, input.DimensionId!.Value, input.ElementId, input.OwnerUnitId, 100_000_000m, QuickWinStatus.Planned),
                (quickWin.Name, quickWin.Acronym, quickWin.ProgrammeId, quickWin.DimensionId, quickWin.ElementId, quickWin.OwnerUnitId, quickWin.Budget, quickWin.Status));
            var key = quickWin.Id.ToString(CultureInfo.InvariantCulture);
            var audit = await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Entity == nameof(QuickWin) && a.EntityKey == key);
            Assert.Equal((AuditAction.Insert, Planner, (int?)quickWin.RegencyId), (audit.Action, audit.UserName, audit.RegencyId));
        }

        var row = await RowAsync(planId, programmeId);
        Assert.Equal(created.Id, Assert.Single(row.QuickWins).Id);

        var refused = await programmes.DeleteAsync(planId, programmeId);
        Assert.Contains("BSD", Assert.Single(refused.Errors[nameof(PlanProgrammeInput.Name)]), StringComparison.Ordinal);
        Assert.Equal(1, await ProgrammeCountAsync(planId, programmeId));

        Assert.True((await programmes.UnlinkQuickWinAsync(programmeId, created.Id!.Value)).Succeeded);
        Assert.True((await programmes.DeleteAsync(planId, programmeId)).Succeeded);
        Assert.Equal(0, await ProgrammeCountAsync(planId, programmeId));
        await using var check = app.CreateDbContext();
        Assert.Null((await check.QuickWins.AsNoTracking().SingleAsync(q => q.Id == created.Id)).ProgrammeId);
    }

    [Fact]
    public async Task Diskominfo_of_the_regency_may_make_the_quick_win_too_another_regency_may_not()
    {
        var planId = await PlanAsync(2050, 2055);
        int programmeId;
        await using (var planner = await app.AsAsync(Planner))
        {
            programmeId = (await planner.Get<MasterplanProgrammeService>().SaveAsync(planId, null, await InputAsync("BRA", Unique("Pusat informasi wisata")))).Id!.Value;
        }

        await using (var staff = await app.AsAsync("diskominfo.jombang"))
        {
            var made = await staff.Get<MasterplanProgrammeService>().CreateQuickWinAsync(programmeId, FromProgramme("TIC"));
            Assert.True(made.Succeeded, Errors(made));
        }

        var before = await QuickWinCountAsync();
        await using (var other = await app.AsAsync("bappeda.jepara"))
        {
            await Assert.ThrowsAsync<AccessDeniedException>(() => other.Get<MasterplanProgrammeService>().CreateQuickWinAsync(programmeId, FromProgramme("X")));
            await Assert.ThrowsAsync<AccessDeniedException>(() => other.Get<QuickWinService>().CreateFromProgrammeAsync(programmeId, Input(1, "Bukan milik Jepara")));
            await Assert.ThrowsAsync<AccessDeniedException>(() => other.Get<MasterplanProgrammeService>().SaveAsync(planId, null, new PlanProgrammeInput()));
        }

        Assert.Equal(before, await QuickWinCountAsync());
        Assert.Contains(app.Logs.Messages(), m => m.Contains("Access refused", StringComparison.Ordinal) && m.Contains("bappeda.jepara", StringComparison.Ordinal));
        Assert.Single((await RowAsync(planId, programmeId)).QuickWins);
    }

    [Fact]
    public async Task Linking_takes_an_unlinked_quick_win_of_the_regency_and_the_quick_win_shows_its_programme_goal_and_masterplan()
    {
        var planId = await PlanAsync(2050, 2055);
        var goalId = await GoalAsync(planId, "GOV");
        var input = await InputAsync("GOV", Unique("Satu data"));
        input.GoalId = goalId;
        var jombangQuickWin = await CreateAsync(app, Input(input.DimensionId!.Value, Unique("Portal satu data"), acronym: "SATA"), Jombang, "diskominfo.jombang");
        var jeparaQuickWin = await CreateFreshAsync(app, "Milik Jepara");
        await using var planner = await app.AsAsync(Planner);
        var programmes = planner.Get<MasterplanProgrammeService>();
        var programmeId = (await programmes.SaveAsync(planId, null, input)).Id!.Value;
        var regencyId = await RegencyIdAsync(app, Jombang);

        Assert.Contains(await programmes.UnlinkedQuickWinsAsync(regencyId), o => o.Id == jombangQuickWin);
        Assert.True((await programmes.LinkQuickWinAsync(programmeId, jombangQuickWin)).Succeeded);
        await Assert.ThrowsAsync<AccessDeniedException>(() => programmes.LinkQuickWinAsync(programmeId, jeparaQuickWin));

        Assert.DoesNotContain(await programmes.UnlinkedQuickWinsAsync(regencyId), o => o.Id == jombangQuickWin);
        await using (var db = app.CreateDbContext())
        {
            Assert.Null((await db.QuickWins.AsNoTracking().SingleAsync(q => q.Id == jeparaQuickWin)).ProgrammeId);
        }

        await using var staff = await app.AsAsync("diskominfo.jombang");
        var detail = (await staff.Get<QuickWinService>().GetAsync(jombangQuickWin))!;
        Assert.Equal(input.Name, detail.ProgrammeName);
        Assert.NotNull(detail.Trace);
        Assert.Equal((planId, "Masterplan Smart City Jombang 2050–2055", 2050, 2055), (detail.Trace.MasterplanId, detail.Trace.MasterplanTitle, detail.Trace.StartYear, detail.Trace.EndYear));
        Assert.StartsWith("Layanan publik", detail.Trace.Goal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submitted_plan_refuses_programme_edits_but_still_makes_quick_wins()
    {
        var planId = await PlanAsync(2056, 2061);
        int programmeId;
        await using (var planner = await app.AsAsync(Planner))
        {
            var input = await InputAsync("GOV", Unique("Sebelum diajukan"), 2056, 2057);
            input.Horizon = Horizon.ShortTerm; // the first two years of 2056–2061
            var saved = await planner.Get<MasterplanProgrammeService>().SaveAsync(planId, null, input);
            Assert.True(saved.Succeeded, Errors(saved));
            programmeId = saved.Id!.Value;
        }

        await using (var db = app.CreateDbContext())
        {
            await db.Masterplans.Where(m => m.Id == planId).ExecuteUpdateAsync(s => s.SetProperty(m => m.State, MasterplanState.Submitted));
        }

        await using var again = await app.AsAsync(Planner);
        var programmes = again.Get<MasterplanProgrammeService>();
        var row = await RowAsync(planId, programmeId);
        var edit = PlanProgrammeInput.From(row);
        edit.Name = "Diubah setelah diajukan";

        await Assert.ThrowsAsync<AccessDeniedException>(() => programmes.SaveAsync(planId, programmeId, edit));
        await Assert.ThrowsAsync<AccessDeniedException>(() => programmes.SaveAsync(planId, null, edit));
        await Assert.ThrowsAsync<AccessDeniedException>(() => programmes.DeleteAsync(planId, programmeId));
        Assert.Equal(row.Name, (await RowAsync(planId, programmeId)).Name);
        Assert.Equal(1, await ProgrammeCountAsync(planId));

        var quickWin = await programmes.CreateQuickWinAsync(programmeId, FromProgramme("SBD", new DateTime(2056, 2, 1)));
        Assert.True(quickWin.Succeeded, Errors(quickWin));
    }

    /// <summary>Jombang's plan for the period, created by its planner through the service (or found when an earlier test made it).</summary>
    private async Task<int> PlanAsync(int start, int end)
    {
        var regencyId = await RegencyIdAsync(app, Jombang);
        await using (var db = app.CreateDbContext())
        {
            if (await db.Masterplans.Where(m => m.RegencyId == regencyId && m.StartYear == start && m.EndYear == end).Select(m => (int?)m.Id).FirstOrDefaultAsync() is { } existing)
            {
                return existing;
            }
        }

        await using var planner = await app.AsAsync(Planner);
        var result = await planner.Get<MasterplanService>().CreateAsync(regencyId, new MasterplanInput
        {
            Title = $"Masterplan Smart City Jombang {start}–{end}",
            StartYear = start,
            EndYear = end,
            RpjmdTitle = "RPJMD Kabupaten Jombang 2018–2023",
            RpjmdStartYear = 2018,
            RpjmdEndYear = 2023,
        });
        Assert.True(result.Succeeded, Errors(result));
        return result.Id!.Value;
    }

    private async Task<int> GoalAsync(int planId, string dimension)
    {
        await using var planner = await app.AsAsync(Planner);
        var result = await planner.Get<MasterplanBlockService>().SaveGoalAsync(planId, null, new GoalInput
        {
            DimensionId = await DimensionIdAsync(app, dimension),
            Text = $"Layanan publik {dimension} digital",
            Indicator = "Persentase layanan daring",
            Baseline = 10,
            Target = 80,
        });
        Assert.True(result.Succeeded, Errors(result));
        return result.Id!.Value;
    }

    private async Task<PlanProgrammeInput> InputAsync(string dimension, string name, int start = 2050, int end = 2051) => new()
    {
        Name = name,
        DimensionId = await DimensionIdAsync(app, dimension),
        Horizon = start < 2052 ? Horizon.ShortTerm : start < 2055 ? Horizon.MediumTerm : Horizon.LongTerm,
        StartYear = start,
        EndYear = end,
        BudgetSource = "APBD",
    };

    private static PlanProgrammeKpiInput Kpi(string name, string unit, decimal baseline, decimal target) =>
        new() { Name = name, Unit = unit, Baseline = baseline, Target = target };

    private static QuickWinFromProgrammeInput FromProgramme(string acronym, DateTime? start = null) => new()
    {
        Acronym = acronym,
        StartDate = start ?? new DateTime(2050, 3, 1),
        TargetDate = (start ?? new DateTime(2050, 3, 1)).AddMonths(9),
        Budget = 100_000_000,
        Kind = QuickWinKind.ItSystem,
    };

    private async Task<ProgrammeRow> RowAsync(int planId, int programmeId)
    {
        await using var planner = await app.AsAsync(Planner);
        var detail = (await planner.Get<MasterplanService>().GetAsync(planId))!;
        return detail.Programmes.Single(p => p.Id == programmeId);
    }

    private async Task<int> ProgrammeCountAsync(int planId, int? programmeId = null)
    {
        await using var db = app.CreateDbContext();
        return await db.Programmes.CountAsync(p => p.MasterplanId == planId && (programmeId == null || p.Id == programmeId));
    }

    private async Task<int> QuickWinCountAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.QuickWins.CountAsync();
    }

    private static string Errors(SmartCity.Web.Common.SaveResult result) =>
        string.Join("; ", result.Errors.SelectMany(e => e.Value)) + (result.Conflict is null ? "" : " (conflict)");
}
