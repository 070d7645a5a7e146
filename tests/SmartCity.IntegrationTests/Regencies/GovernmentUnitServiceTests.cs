using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SmartCity.Domain.Common;
using SmartCity.Domain.Regencies;
using SmartCity.IntegrationTests.Web;
using SmartCity.Web.Features.Regencies;

namespace SmartCity.IntegrationTests.Regencies;

public sealed class GovernmentUnitServiceTests(NationalApp app) : IClassFixture<NationalApp>
{
    private async Task<int> JeparaAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.Regencies.Where(r => r.Code == "33.20").Select(r => r.Id).SingleAsync();
    }

    [Theory]
    [InlineData("", "Wajib diisi.")]
    [InlineData("   ", "Wajib diisi.")]
    public async Task Bad_input_gets_a_clear_message_and_saves_nothing(string name, string message)
    {
        var jepara = await JeparaAsync();
        await using var staff = await app.AsAsync("diskominfo.jepara");
        await using var db = app.CreateDbContext();
        var before = await db.GovernmentUnits.CountAsync();

        var result = await staff.Get<GovernmentUnitService>().CreateAsync(jepara, new UnitInput { Name = name });

        Assert.False(result.Succeeded);
        Assert.Equal(message, Assert.Single(result.Errors[nameof(UnitInput.Name)]));
        Assert.Equal(before, await db.GovernmentUnits.CountAsync());
    }

    [Fact]
    public async Task A_name_over_the_limit_and_a_duplicate_name_are_refused()
    {
        var jepara = await JeparaAsync();
        await using var staff = await app.AsAsync("diskominfo.jepara");
        var units = staff.Get<GovernmentUnitService>();

        var tooLong = await units.CreateAsync(jepara, new UnitInput { Name = new string('x', TextLimits.Name + 1) });
        var duplicate = await units.CreateAsync(jepara, new UnitInput { Name = "Dinas Kesehatan" });

        Assert.Contains("200", Assert.Single(tooLong.Errors[nameof(UnitInput.Name)]), StringComparison.Ordinal);
        Assert.Equal("OPD dengan nama ini sudah ada di daerah ini.", Assert.Single(duplicate.Errors[nameof(UnitInput.Name)]));
    }

    [Fact]
    public async Task A_second_editor_sees_who_changed_what_keeps_their_input_and_may_overwrite()
    {
        var jepara = await JeparaAsync();
        await using var first = await app.AsAsync("diskominfo.jepara");
        await using var second = await app.AsAsync("bappeda.jepara");
        var created = await first.Get<GovernmentUnitService>().CreateAsync(jepara, new UnitInput { Name = "Dinas Perhubungan", Acronym = "Dishub" });
        var loadedVersion = created.Version;

        var firstSave = await first.Get<GovernmentUnitService>().UpdateAsync(created.Id!.Value, new UnitInput { Name = "Dinas Perhubungan", Acronym = "DISHUB", Version = loadedVersion });
        var secondSave = await second.Get<GovernmentUnitService>().UpdateAsync(created.Id.Value, new UnitInput { Name = "Dinas Perhubungan Kab.", Acronym = "Dishub", Version = loadedVersion });

        Assert.True(firstSave.Succeeded);
        Assert.NotNull(secondSave.Conflict);
        Assert.Equal("diskominfo.jepara", secondSave.Conflict.ChangedBy);
        Assert.Contains(secondSave.Conflict.Differences, d => d.Yours == "Dinas Perhubungan Kab." && d.Saved == "Dinas Perhubungan");
        Assert.Contains(secondSave.Conflict.Differences, d => d.Yours == "Dishub" && d.Saved == "DISHUB");
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal("DISHUB", (await db.GovernmentUnits.SingleAsync(u => u.Id == created.Id)).Acronym);
        }

        var overwrite = await second.Get<GovernmentUnitService>().UpdateAsync(created.Id.Value, new UnitInput { Name = "Dinas Perhubungan Kab.", Acronym = "Dishub", Version = loadedVersion }, overwrite: true);

        Assert.True(overwrite.Succeeded);
        await using var check = app.CreateDbContext();
        Assert.Equal("Dinas Perhubungan Kab.", (await check.GovernmentUnits.SingleAsync(u => u.Id == created.Id)).Name);
    }

    [Fact]
    public async Task Every_write_is_audited_with_user_regency_and_old_and_new_values()
    {
        var jepara = await JeparaAsync();
        await using var staff = await app.AsAsync("diskominfo.jepara");
        var units = staff.Get<GovernmentUnitService>();
        var created = await units.CreateAsync(jepara, new UnitInput { Name = "Badan Pendapatan Daerah", Acronym = "Bapenda", Kind = GovernmentUnitKind.Badan });
        await units.UpdateAsync(created.Id!.Value, new UnitInput { Name = "Badan Pendapatan Daerah", Acronym = "BAPENDA", Kind = GovernmentUnitKind.Badan, Version = created.Version });

        await using var db = app.CreateDbContext();
        var key = created.Id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var rows = await db.AuditEntries.Where(a => a.Entity == nameof(GovernmentUnit) && a.EntityKey == key).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([AuditAction.Insert, AuditAction.Update], rows.Select(r => r.Action));
        Assert.All(rows, r => Assert.Equal(("diskominfo.jepara", jepara), (r.UserName, r.RegencyId)));
        Assert.All(rows, r => Assert.False(string.IsNullOrEmpty(r.CorrelationId)));
        using var changes = JsonDocument.Parse(rows[1].Changes);
        var change = Assert.Single(changes.RootElement.EnumerateArray());
        Assert.Equal(("Acronym", "Bapenda", "BAPENDA"), (change.GetProperty("field").GetString(), change.GetProperty("old").GetString(), change.GetProperty("new").GetString()));
    }
}
