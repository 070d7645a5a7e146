using Microsoft.EntityFrameworkCore;
using Npgsql;
using SmartCity.Web.Data;

namespace SmartCity.Testing;

/// <summary>
/// Throwaway PostgreSQL databases on the cluster that <c>scripts/test.sh</c> starts (<c>SMARTCITY_TEST_CONNECTION</c>).
/// The first use applies every migration to an empty template database; each fixture then copies the template
/// (<c>CREATE DATABASE … TEMPLATE</c>, fast) and drops its copy <c>WITH (FORCE)</c> when done.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _templateName;

    private TestDatabase(string name) => Name = name;

    public string Name { get; }

    public string ConnectionString => new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = Name, Pooling = true }.ConnectionString;

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("SMARTCITY_TEST_CONNECTION")
        ?? throw new InvalidOperationException("SMARTCITY_TEST_CONNECTION is not set: run the tests through scripts/test.sh, which starts a throwaway PostgreSQL cluster.");

    /// <summary>A fresh, migrated, empty database.</summary>
    public static async Task<TestDatabase> CreateAsync()
    {
        var template = await EnsureTemplateAsync();
        var name = $"smartcity_test_{Guid.NewGuid():N}"[..40];
        await ExecuteAdminAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        return new TestDatabase(name);
    }

    /// <summary>A DbContext without interceptors, for arranging and asserting.</summary>
    public SmartCityDbContext CreateContext() =>
        new(new DbContextOptionsBuilder<SmartCityDbContext>().UseNpgsql(ConnectionString).Options);

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAdminAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private static async Task<string> EnsureTemplateAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_templateName is not null)
            {
                return _templateName;
            }

            var name = $"smartcity_tpl_{Environment.ProcessId}_{Guid.NewGuid():N}"[..40];
            await ExecuteAdminAsync($"CREATE DATABASE \"{name}\"");
            var connection = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = false }.ConnectionString;
            await using (var db = new SmartCityDbContext(new DbContextOptionsBuilder<SmartCityDbContext>().UseNpgsql(connection).Options))
            {
                await db.Database.MigrateAsync();
            }

            _templateName = name;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => ExecuteAdminAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)").GetAwaiter().GetResult();
            return name;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    public static async Task ExecuteAdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(AdminConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
