using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SmartCity.IntegrationTests.Web;
using SmartCity.Testing;
using SmartCity.Web.Data.Seeding;

namespace SmartCity.IntegrationTests.Data;

public sealed class SeedAndBackupTests(NationalApp app) : IClassFixture<NationalApp>
{
    private async Task<Dictionary<string, long>> RowCountsAsync()
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", connection);
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }

        return counts;
    }

    [Fact]
    public async Task The_demo_seed_is_idempotent()
    {
        var before = await RowCountsAsync();
        await app.WithScopeAsync(async services =>
        {
            await services.GetRequiredService<ReferenceSeeder>().SeedAsync(CancellationToken.None);
            await services.GetRequiredService<DemoDataSeeder>().SeedAsync(CancellationToken.None);
            return 0;
        });
        var after = await RowCountsAsync();

        before.Remove("AuditEntries");
        after.Remove("AuditEntries");
        Assert.Equal(before, after);
        await using var db = app.CreateDbContext();
        Assert.Equal(9, await db.Users.CountAsync());
        Assert.Equal(11, await db.QuickWins.CountAsync());
        Assert.Equal(6, await db.Dimensions.CountAsync());
        Assert.Equal(18, await db.Elements.CountAsync());
    }

    [Fact]
    public async Task Backup_then_restore_gives_back_identical_data()
    {
        var file = Path.Combine(Path.GetTempPath(), $"smartcity-{Guid.NewGuid():N}.dump");
        try
        {
            var before = await RowCountsAsync();
            var fingerprint = await FingerprintAsync();
            await RunScriptAsync("backup.sh", file);

            await using (var db = app.CreateDbContext())
            {
                await db.Database.ExecuteSqlRawAsync("""DELETE FROM "StageChanges"; UPDATE "Regencies" SET "Name" = 'Diubah' WHERE "Code" = '33.20'""");
            }

            NpgsqlConnection.ClearAllPools();
            await RunScriptAsync("restore.sh", file);
            NpgsqlConnection.ClearAllPools();

            Assert.Equal(before, await RowCountsAsync());
            Assert.Equal(fingerprint, await FingerprintAsync());
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task<string> FingerprintAsync()
    {
        await using var db = app.CreateDbContext();
        return await db.Database.SqlQueryRaw<string>("""
            SELECT md5(string_agg(r."Code" || r."Name" || coalesce(s."Note", ''), ',' ORDER BY r."Code", s."Id")) AS "Value"
            FROM "Regencies" r LEFT JOIN "StageChanges" s ON s."RegencyId" = r."Id"
            """).SingleAsync();
    }

    private async Task RunScriptAsync(string script, string file)
    {
        var builder = new NpgsqlConnectionStringBuilder(app.Database.ConnectionString);
        var start = new ProcessStartInfo("bash", [Path.Combine(RepoPaths.Root, "scripts", script), file])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["SMARTCITY_PGPORT"] = builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), ["SMARTCITY_DB"] = builder.Database },
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{script} failed: {output}");
    }
}
