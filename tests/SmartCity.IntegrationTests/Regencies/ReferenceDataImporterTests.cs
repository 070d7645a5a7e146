using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SmartCity.Domain.Common;
using SmartCity.Testing;
using SmartCity.Web.Common;
using SmartCity.Web.Data;
using SmartCity.Web.Data.Interceptors;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.Regencies;

namespace SmartCity.IntegrationTests.Regencies;

public sealed class ReferenceDataImporterTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _source = new(new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero));
    private readonly ProgrammeClock _time;

    public ReferenceDataImporterTests() => _time = new ProgrammeClock(_source);
    private TestDatabase _database = default!;
    private ReferenceDataImporter _importer = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var user = new CurrentUser();
        user.SetSystem();
        var options = new DbContextOptionsBuilder<SmartCityDbContext>().UseNpgsql(_database.ConnectionString)
            .AddInterceptors(new AuditInterceptor(user, _time)).Options;
        _importer = new ReferenceDataImporter(new PooledDbContextFactory<SmartCityDbContext>(options), _time, user, new RegencyAccess(user, NullLogger<RegencyAccess>.Instance));
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private Task<ReferenceImportResult> ImportAsync(string folder) =>
        ImportAsync(File.ReadAllText(Path.Combine(folder, "provinces.csv")), File.ReadAllText(Path.Combine(folder, "regencies.csv")));

    private async Task<ReferenceImportResult> ImportAsync(string provinces, string regencies)
    {
        using var p = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(provinces));
        using var r = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(regencies));
        return await _importer.ImportAsync(p, r, "provinces.csv", "regencies.csv", null, CancellationToken.None);
    }

    [Fact]
    public async Task Imports_exactly_38_provinces_and_514_regencies_with_kind_and_time_zone()
    {
        var result = await ImportAsync(RepoPaths.ReferenceData);

        Assert.True(result.Succeeded);
        Assert.Equal(514, result.RegenciesAdded);
        await using var db = _database.CreateContext();
        Assert.Equal(38, await db.Provinces.CountAsync());
        Assert.Equal(514, await db.Regencies.CountAsync());
        Assert.Equal(416, await db.Regencies.CountAsync(r => r.Kind == Domain.Regencies.RegencyKind.Kabupaten));
        Assert.Equal(98, await db.Regencies.CountAsync(r => r.Kind == Domain.Regencies.RegencyKind.Kota));
        var jepara = await db.Regencies.Include(r => r.Province).SingleAsync(r => r.Code == "33.20");
        Assert.Equal("Kabupaten Jepara", jepara.Name);
        Assert.Equal("Jawa Tengah", jepara.Province!.Name);
        Assert.Equal(IndonesianTimeZone.Wib, jepara.TimeZone);
        Assert.Equal(IndonesianTimeZone.Wit, (await db.Provinces.SingleAsync(p => p.Code == "91")).TimeZone);
    }

    [Fact]
    public async Task A_second_import_adds_and_changes_nothing()
    {
        await ImportAsync(RepoPaths.ReferenceData);
        var second = await ImportAsync(RepoPaths.ReferenceData);

        Assert.True(second.Succeeded);
        Assert.Equal((0, 0, 0, 0, 0), (second.ProvincesAdded, second.RegenciesAdded, second.RegenciesUpdated, second.RegenciesDeactivated, second.RegenciesReactivated));
        await using var db = _database.CreateContext();
        Assert.Equal(514, await db.Regencies.CountAsync());
        Assert.Equal(38, await db.Provinces.CountAsync());
    }

    [Fact]
    public async Task A_renamed_code_is_updated_a_vanished_code_is_kept_inactive_and_a_new_code_is_added()
    {
        await ImportAsync(RepoPaths.ReferenceData);
        var provinces = File.ReadAllText(Path.Combine(RepoPaths.ReferenceData, "provinces.csv"));
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.ReferenceData, "regencies.csv")).ToList();
        lines.RemoveAll(l => l.StartsWith("33.27,", StringComparison.Ordinal));
        lines[lines.FindIndex(l => l.StartsWith("33.20,", StringComparison.Ordinal))] = "33.20,33,Kabupaten Jepara Baru";
        lines.Add("33.98,33,Kota Contoh Pemekaran");

        _source.Advance(TimeSpan.FromDays(30));
        var result = await ImportAsync(provinces, string.Join('\n', lines));

        Assert.True(result.Succeeded);
        Assert.Equal((1, 1, 1), (result.RegenciesAdded, result.RegenciesUpdated, result.RegenciesDeactivated));
        await using var db = _database.CreateContext();
        Assert.Equal(515, await db.Regencies.CountAsync());
        var pemalang = await db.Regencies.SingleAsync(r => r.Code == "33.27");
        Assert.False(pemalang.IsActive);
        Assert.Equal(new DateOnly(2026, 12, 23), pemalang.ValidUntil);
        Assert.Equal("Kabupaten Jepara Baru", (await db.Regencies.SingleAsync(r => r.Code == "33.20")).Name);
        Assert.Equal(Domain.Regencies.RegencyKind.Kota, (await db.Regencies.SingleAsync(r => r.Code == "33.98")).Kind);

        var back = await ImportAsync(RepoPaths.ReferenceData);
        Assert.Equal(1, back.RegenciesReactivated);
        Assert.True((await db.Regencies.AsNoTracking().SingleAsync(r => r.Code == "33.27")).IsActive);
    }

    [Fact]
    public async Task A_bad_file_names_every_bad_line_and_imports_nothing()
    {
        var provinces = File.ReadAllText(Path.Combine(RepoPaths.ReferenceData, "provinces.csv"));
        var regencies = string.Join('\n',
            "code,province_code,name",
            "11.01,11,Kabupaten Aceh Selatan",
            "11.0X,11,Kode Rusak",
            "11.02,99,Provinsi Tidak Dikenal",
            "11.01,11,Kabupaten Aceh Selatan Ganda",
            "11.03,11",
            "11.04,11,");

        var result = await ImportAsync(provinces, regencies);

        Assert.False(result.Succeeded);
        Assert.Equal([3, 4, 5, 6, 7], result.Problems.Select(p => p.Line).Order());
        Assert.All(result.Problems, p => Assert.Equal("regencies.csv", p.File));
        await using var db = _database.CreateContext();
        Assert.Equal(0, await db.Regencies.CountAsync());
        Assert.Equal(0, await db.Provinces.CountAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task The_import_is_audited_per_row_and_as_one_batch_in_the_same_transaction()
    {
        await ImportAsync(RepoPaths.ReferenceData);

        await using var db = _database.CreateContext();
        Assert.Equal(514, await db.AuditEntries.CountAsync(a => a.Entity == "Regency" && a.Action == AuditAction.Insert));
        var batch = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.Batch);
        using var json = System.Text.Json.JsonDocument.Parse(batch.Changes);
        Assert.Equal(514, json.RootElement.GetProperty("added").GetInt32());
        Assert.Equal(514, json.RootElement.GetProperty("regencies").GetInt32());
        var jepara = await db.Regencies.SingleAsync(r => r.Code == "33.20");
        var row = await db.AuditEntries.SingleAsync(a => a.Entity == "Regency" && a.EntityKey == jepara.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(jepara.Id, row.RegencyId);
        Assert.Contains("Kabupaten Jepara", row.Changes, StringComparison.Ordinal);
    }
}
