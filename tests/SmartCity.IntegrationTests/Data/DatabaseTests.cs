using Microsoft.EntityFrameworkCore;
using Npgsql;
using SmartCity.Testing;

namespace SmartCity.IntegrationTests.Data;

public sealed class DatabaseTests : IAsyncLifetime
{
    private TestDatabase _database = default!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Every_migration_applies_to_an_empty_database()
    {
        await using var db = _database.CreateContext();
        var all = db.Database.GetMigrations().ToList();
        Assert.NotEmpty(all);
        Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task The_database_refuses_to_update_or_delete_audit_rows()
    {
        await using var db = _database.CreateContext();
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "AuditEntries" ("OccurredAt", "Entity", "EntityKey", "Action", "Changes") VALUES (now(), 'Test', '1', 'Insert', '[]')
            """);

        var update = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("""UPDATE "AuditEntries" SET "Entity" = 'Changed'"""));
        var delete = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditEntries" """));

        Assert.Equal("42501", update.SqlState);
        Assert.Equal("42501", delete.SqlState);
        Assert.Equal("Test", await db.AuditEntries.Select(a => a.Entity).SingleAsync());
    }

    [Theory]
    [InlineData("""INSERT INTO "Provinces" ("Id", "Code", "Name", "TimeZone", "IsActive") VALUES (1, '3', 'X', 'Wib', true)""")]
    [InlineData("""INSERT INTO "Provinces" ("Id", "Code", "Name", "TimeZone", "IsActive") VALUES (1, '33', 'X', 'Wib', true); INSERT INTO "Regencies" ("Id", "Code", "Name", "Kind", "ProvinceId", "TimeZone", "IsActive", "ReportingPeriod") VALUES (1, '3320', 'X', 'Kabupaten', 1, 'Wib', true, 'Monthly')""")]
    public async Task Check_constraints_refuse_malformed_codes(string sql)
    {
        await using var db = _database.CreateContext();
        var error = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(sql));
        Assert.Equal("23514", error.SqlState);
    }
}
