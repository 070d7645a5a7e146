using Microsoft.EntityFrameworkCore;
using SmartCity.IntegrationTests.Web;
using SmartCity.Web.Components.Shared;
using SmartCity.Web.Features.QuickWins;
using static SmartCity.IntegrationTests.QuickWins.QuickWinTestData;

namespace SmartCity.IntegrationTests.QuickWins;

/// <summary>A quick win's plan: weighted milestones (the proposed percent) and KPIs, with validation, conflicts and the KPI-history rule.</summary>
public sealed class PlanServiceTests(SmallApp app) : IClassFixture<SmallApp>
{
    [Fact]
    public async Task Milestones_are_added_edited_and_deleted_and_their_weights_propose_the_percent()
    {
        var id = await CreateFreshAsync(app, "Uji tahapan");
        await using var staff = await app.AsAsync(Author);
        var plan = staff.Get<QuickWinPlanService>();

        var design = await plan.SaveMilestoneAsync(id, null, new MilestoneInput { Name = "Desain", Weight = 1, DueDate = new DateTime(2026, 3, 31) });
        var build = await plan.SaveMilestoneAsync(id, null, new MilestoneInput { Name = "Pembangunan", Weight = 3, DueDate = new DateTime(2026, 9, 30) });
        var extra = await plan.SaveMilestoneAsync(id, null, new MilestoneInput { Name = "Sementara", Weight = 0.5m });
        Assert.True(design.Succeeded && build.Succeeded && extra.Succeeded);

        var done = await plan.SaveMilestoneAsync(id, build.Id, new MilestoneInput { Name = "Pembangunan aplikasi", Weight = 3, DueDate = new DateTime(2026, 9, 30), DoneDate = new DateTime(2026, 9, 28), Version = build.Version });
        Assert.True(done.Succeeded);
        Assert.True((await plan.DeleteMilestoneAsync(extra.Id!.Value)).Succeeded);

        var detail = await DetailAsync(app, id);
        Assert.Equal(["Desain", "Pembangunan aplikasi"], detail.Milestones.Select(m => m.Name));
        Assert.Equal(new DateOnly(2026, 9, 28), detail.Milestones[1].DoneDate);
        Assert.Equal(75m, detail.MilestoneCompletion); // 3 of 1 + 3
        var proposed = await staff.Get<ReportService>().NewAsync(id);
        Assert.Equal((75m, 1, 2), (proposed.ProposedPercent, proposed.MilestonesDone, proposed.MilestoneCount));
        Assert.Equal(75m, proposed.Percent);
    }

    public static TheoryData<string, string> BadMilestones => new()
    {
        { "no name", nameof(MilestoneInput.Name) },
        { "zero weight", nameof(MilestoneInput.Weight) },
        { "negative weight", nameof(MilestoneInput.Weight) },
        { "no weight", nameof(MilestoneInput.Weight) },
        { "done in the future", nameof(MilestoneInput.DoneDate) },
    };

    [Theory]
    [MemberData(nameof(BadMilestones))]
    public async Task A_bad_milestone_is_refused_per_field_and_saves_nothing(string bad, string field)
    {
        var id = await CreateFreshAsync(app, "Uji tahapan salah");
        var input = new MilestoneInput { Name = "Uji", Weight = 1 };
        switch (bad)
        {
            case "no name": input.Name = " "; break;
            case "zero weight": input.Weight = 0; break;
            case "negative weight": input.Weight = -2; break;
            case "no weight": input.Weight = null; break;
            case "done in the future": input.DoneDate = app.Clock.GetUtcNow().UtcDateTime.AddDays(3); break;
        }

        await using var staff = await app.AsAsync(Author);
        var before = await CountsAsync(app);

        var result = await staff.Get<QuickWinPlanService>().SaveMilestoneAsync(id, null, input);

        Assert.NotEmpty(result.Errors[field]);
        Assert.Equal(before, await CountsAsync(app));
    }

    public static TheoryData<string, string> BadKpis => new()
    {
        { "no name", nameof(KpiInput.Name) },
        { "no unit", nameof(KpiInput.Unit) },
        { "no baseline", nameof(KpiInput.Baseline) },
        { "no target", nameof(KpiInput.Target) },
        { "target too large", nameof(KpiInput.Target) },
    };

    [Theory]
    [MemberData(nameof(BadKpis))]
    public async Task A_bad_KPI_is_refused_per_field_and_saves_nothing(string bad, string field)
    {
        var id = await CreateFreshAsync(app, "Uji KPI salah");
        var input = new KpiInput { Name = "Layanan", Unit = "jenis", Baseline = 0, Target = 74 };
        switch (bad)
        {
            case "no name": input.Name = ""; break;
            case "no unit": input.Unit = ""; break;
            case "no baseline": input.Baseline = null; break;
            case "no target": input.Target = null; break;
            case "target too large": input.Target = KpiInputValidator.MaxValue + 1; break;
        }

        await using var staff = await app.AsAsync(Author);
        var before = await CountsAsync(app);

        var result = await staff.Get<QuickWinPlanService>().SaveKpiAsync(id, null, input);

        Assert.NotEmpty(result.Errors[field]);
        Assert.Equal(before, await CountsAsync(app));
    }

    [Fact]
    public async Task KPIs_are_added_and_edited_and_one_with_reported_values_cannot_be_deleted()
    {
        var id = await CreateFreshAsync(app, "Uji KPI");
        await using var staff = await app.AsAsync(Author);
        var plan = staff.Get<QuickWinPlanService>();
        var permits = await plan.SaveKpiAsync(id, null, new KpiInput { Name = "Perizinan daring", Unit = "jenis", Baseline = 0, Target = 74 });
        var unused = await plan.SaveKpiAsync(id, null, new KpiInput { Name = "Kunjungan", Unit = "orang", Baseline = 10.5m, Target = 1_500_000 });
        var edited = await plan.SaveKpiAsync(id, permits.Id, new KpiInput { Name = "Perizinan non-OSS daring", Unit = "jenis", Baseline = 0, Target = 80, Version = permits.Version });
        Assert.True(permits.Succeeded && unused.Succeeded && edited.Succeeded);
        await SaveReportAsync(app, id, "2026-10", 30, submit: false, actuals: [new KpiActualInput { KpiId = permits.Id!.Value, Value = 40 }]);

        var refused = await plan.DeleteKpiAsync(permits.Id.Value);
        var deleted = await plan.DeleteKpiAsync(unused.Id!.Value);

        Assert.Equal("KPI ini sudah memiliki nilai dalam laporan, sehingga tidak dapat dihapus.", Assert.Single(refused.Errors[nameof(KpiInput.Name)]));
        Assert.True(deleted.Succeeded);
        var kpi = Assert.Single((await DetailAsync(app, id)).Kpis);
        Assert.Equal(("Perizinan non-OSS daring", 80m, (decimal?)null), (kpi.Name, kpi.Target, kpi.LatestActual));
    }

    [Fact]
    public async Task A_second_editor_of_a_milestone_gets_a_conflict_and_may_overwrite()
    {
        var id = await CreateFreshAsync(app, "Uji konflik tahapan");
        await using var first = await app.AsAsync(Author);
        await using var second = await app.AsAsync(Verifier);
        var created = await first.Get<QuickWinPlanService>().SaveMilestoneAsync(id, null, new MilestoneInput { Name = "Uji coba", Weight = 2 });
        var loaded = created.Version;

        var firstSave = await first.Get<QuickWinPlanService>().SaveMilestoneAsync(id, created.Id, new MilestoneInput { Name = "Uji coba", Weight = 5, Version = loaded });
        var secondSave = await second.Get<QuickWinPlanService>().SaveMilestoneAsync(id, created.Id, new MilestoneInput { Name = "Uji coba terbatas", Weight = 2, Version = loaded });

        Assert.True(firstSave.Succeeded);
        Assert.NotNull(secondSave.Conflict);
        Assert.Equal(Author, secondSave.Conflict.ChangedBy);
        Assert.Contains(secondSave.Conflict.Differences, d => d.Yours == "Uji coba terbatas" && d.Saved == "Uji coba");
        Assert.Contains(secondSave.Conflict.Differences, d => d.Yours == Format.Number(2m) && d.Saved == Format.Number(5m));
        await using (var db = app.CreateDbContext())
        {
            var saved = await db.Milestones.AsNoTracking().SingleAsync(m => m.Id == created.Id);
            Assert.Equal(("Uji coba", 5m), (saved.Name, saved.Weight));
        }

        var overwrite = await second.Get<QuickWinPlanService>().SaveMilestoneAsync(id, created.Id, new MilestoneInput { Name = "Uji coba terbatas", Weight = 2, Version = loaded }, overwrite: true);

        Assert.True(overwrite.Succeeded);
        var after = Assert.Single((await DetailAsync(app, id)).Milestones);
        Assert.Equal(("Uji coba terbatas", 2m), (after.Name, after.Weight));
    }

    [Fact]
    public async Task A_second_editor_of_a_KPI_gets_a_conflict()
    {
        var id = await CreateFreshAsync(app, "Uji konflik KPI");
        await using var first = await app.AsAsync(Author);
        await using var second = await app.AsAsync(Verifier);
        var created = await first.Get<QuickWinPlanService>().SaveKpiAsync(id, null, new KpiInput { Name = "Pengguna", Unit = "orang", Baseline = 0, Target = 100 });

        var firstSave = await first.Get<QuickWinPlanService>().SaveKpiAsync(id, created.Id, new KpiInput { Name = "Pengguna", Unit = "orang", Baseline = 0, Target = 200, Version = created.Version });
        var secondSave = await second.Get<QuickWinPlanService>().SaveKpiAsync(id, created.Id, new KpiInput { Name = "Pengguna", Unit = "akun", Baseline = 0, Target = 100, Version = created.Version });

        Assert.True(firstSave.Succeeded);
        Assert.NotNull(secondSave.Conflict);
        Assert.Equal(Author, secondSave.Conflict.ChangedBy);
        Assert.Contains(secondSave.Conflict.Differences, d => d.Yours == Format.Number(100m) && d.Saved == Format.Number(200m));
        Assert.Equal(("orang", 200m), (Assert.Single((await DetailAsync(app, id)).Kpis).Unit, Assert.Single((await DetailAsync(app, id)).Kpis).Target));
    }
}
