using Microsoft.EntityFrameworkCore;
using SmartCity.Web.Data.Seeding;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.Regencies;

namespace SmartCity.Web.Data;

/// <summary>Start-up work on the database, each step switched by configuration: migrate, reference data, demo data.</summary>
public static class DatabaseInitializer
{
    public static async Task InitializeAsync(IServiceProvider services, IConfiguration configuration, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        provider.GetRequiredService<CurrentUser>().SetSystem();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        if (configuration.GetValue("Database:MigrateOnStartup", false))
        {
            await using var db = await provider.GetRequiredService<IDbContextFactory<SmartCityDbContext>>().CreateDbContextAsync(ct);
            await db.Database.MigrateAsync(ct);
            logger.LogInformation("Database migrated");
        }

        if (configuration.GetValue("Database:SeedReferenceData", true))
        {
            var folder = configuration["ReferenceData:Path"] ?? Path.Combine(AppContext.BaseDirectory, "data", "reference");
            var result = await provider.GetRequiredService<ReferenceDataImporter>().ImportFolderIfChangedAsync(folder, ct);
            if (result is { Succeeded: false })
            {
                throw new InvalidOperationException("Reference data rejected: " + string.Join("; ", result.Problems.Select(p => $"{p.File}:{p.Line} {p.Message}")));
            }

            if (result is not null)
            {
                logger.LogInformation("Reference data imported: {Added} regencies added, {Updated} updated, {Deactivated} deactivated", result.RegenciesAdded, result.RegenciesUpdated, result.RegenciesDeactivated);
            }

            await provider.GetRequiredService<ReferenceSeeder>().SeedAsync(ct);
        }

        if (configuration.GetValue("Database:SeedDemoData", false))
        {
            await provider.GetRequiredService<DemoDataSeeder>().SeedAsync(ct);
            logger.LogInformation("Demo data present");
        }
    }
}
