using Microsoft.EntityFrameworkCore;
using SmartCity.Domain.Common;
using SmartCity.Domain.Regencies;
using SmartCity.IntegrationTests.Web;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.Regencies;

namespace SmartCity.IntegrationTests.Regencies;

public sealed class ProgrammeServiceTests(NationalApp app) : IClassFixture<NationalApp>
{
    private async Task<Regency> LoadAsync(string code)
    {
        await using var db = app.CreateDbContext();
        return await db.Regencies.AsNoTracking().Include(r => r.StageHistory).SingleAsync(r => r.Code == code);
    }

    [Fact]
    public async Task An_admin_records_a_dated_stage_change_kept_as_history()
    {
        var pemalang = await LoadAsync("33.27");
        await using var admin = await app.AsAsync("admin");

        var result = await admin.Get<ProgrammeService>().SaveAsync(pemalang.Id, new ProgrammeInput
        {
            CohortYear = 2018,
            ReportingPeriod = ReportingPeriodKind.Quarterly,
            Stage = ProgrammeStage.Evaluation,
            StageDate = new DateTime(2019, 11, 20),
            StageNote = "Monev tahunan pertama",
            Version = pemalang.Version,
        });

        Assert.True(result.Succeeded);
        var after = await LoadAsync("33.27");
        Assert.Equal(ProgrammeStage.Evaluation, after.CurrentStage);
        Assert.Equal(ReportingPeriodKind.Quarterly, after.ReportingPeriod);
        Assert.Equal(pemalang.StageHistory.Count + 1, after.StageHistory.Count);
        Assert.Contains(after.StageHistory, s => s.Stage == ProgrammeStage.Evaluation && s.Date == new DateOnly(2019, 11, 20));
        await using var db = app.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Entity == nameof(StageChange) && a.RegencyId == pemalang.Id && a.Action == AuditAction.Insert));
    }

    [Fact]
    public async Task A_stage_that_goes_backwards_or_a_future_date_is_refused_and_nothing_changes()
    {
        var jepara = await LoadAsync("33.20");
        await using var admin = await app.AsAsync("admin");
        var service = admin.Get<ProgrammeService>();

        var backwards = await service.SaveAsync(jepara.Id, new ProgrammeInput { CohortYear = 2018, Stage = ProgrammeStage.Mou, StageDate = new DateTime(2024, 1, 10), Version = jepara.Version });
        var future = await service.SaveAsync(jepara.Id, new ProgrammeInput { CohortYear = 2018, Stage = ProgrammeStage.Evaluation, StageDate = app.Clock.GetUtcNow().UtcDateTime.AddDays(30), Version = jepara.Version });
        var noDate = await service.SaveAsync(jepara.Id, new ProgrammeInput { CohortYear = 2018, Stage = ProgrammeStage.Evaluation, Version = jepara.Version });

        Assert.Contains("mundur", backwards.Errors["Stage"][0], StringComparison.Ordinal);
        Assert.Equal("Tanggal tidak boleh di masa depan.", future.Errors["StageDate"][0]);
        Assert.Equal("Wajib diisi.", noDate.Errors["StageDate"][0]);
        Assert.Equal(jepara.StageHistory.Count, (await LoadAsync("33.20")).StageHistory.Count);
    }

    [Theory]
    [InlineData("penilai1")]
    [InlineData("diskominfo.jepara")]
    [InlineData("bappeda.jepara")]
    public async Task Only_admins_change_programme_data(string user)
    {
        var jepara = await LoadAsync("33.20");
        await using var actor = await app.AsAsync(user);

        await Assert.ThrowsAsync<AccessDeniedException>(() => actor.Get<ProgrammeService>().SaveAsync(jepara.Id, new ProgrammeInput { CohortYear = 2019, Version = jepara.Version }));
        Assert.Equal(2018, (await LoadAsync("33.20")).CohortYear);
    }
}
