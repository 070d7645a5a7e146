using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Serilog;
using SmartCity.Web.Common;
using SmartCity.Web.Data;

namespace SmartCity.Testing;

/// <summary>
/// The real app (Program) on its own throwaway database: reference data imported at start-up, demo data optional.
/// Every SQL command the app sends is counted by <see cref="Commands"/>.
/// </summary>
public class SmartCityFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _database;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("InitializeAsync has not run.");

    public CommandCounter Commands { get; } = new();

    public LogSink Logs { get; } = new();

    /// <summary>
    /// The app's programme clock: it starts at <see cref="TestNow.Start"/> and ticks, unless a test pins it (<see cref="ProgrammeClock.Pin"/>).
    /// Security time (cookies, lockout, data-protection keys) stays on the system clock.
    /// </summary>
    public ProgrammeClock Clock => Services.GetRequiredService<ProgrammeClock>();

    /// <summary>Seed the Development demo data (regencies' OPDs, quick wins, demo accounts).</summary>
    protected virtual bool SeedDemoData => true;

    /// <summary>A folder with provinces.csv and regencies.csv to import instead of the shipped lists.</summary>
    protected virtual string? ReferenceDataPath => null;

    public virtual async Task InitializeAsync()
    {
        _database = await CreateDatabaseAsync();
        StartHost();
    }

    /// <summary>The database this app runs on: a fresh copy of the migrated template, unless a test shares one.</summary>
    protected virtual Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreateAsync();

    /// <summary>Whether disposing the app drops its database (false when the database belongs to another app).</summary>
    protected virtual bool OwnsDatabase => true;

    /// <summary>Starts the app: migrations are in the template; start-up imports reference data and seeds.</summary>
    protected virtual void StartHost() => _ = Services;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:SmartCity", Database.ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Database:SeedReferenceData", "true");
        builder.UseSetting("Database:SeedDemoData", SeedDemoData ? "true" : "false");
        builder.UseSetting("Security:SignInPermitLimit", "1000"); // browser journeys sign in often; SecurityTests checks the real limit
        builder.UseSetting("Notifications:JobIntervalMinutes", "0"); // tests run the scheduled job directly (NotificationJobService)
        builder.UseSetting("Dashboard:CacheSeconds", "0"); // figures are checked right after the data changes; DashboardCacheTests turns it on
        builder.UseSetting(ProgrammeClock.TestStartSetting, TestNow.Setting);
        builder.UseSetting("Logging:Directory", Path.Combine(Path.GetTempPath(), "smartcity-test-logs"));
        if (ReferenceDataPath is not null)
        {
            builder.UseSetting("ReferenceData:Path", ReferenceDataPath);
        }

        builder.ConfigureServices(services =>
        {
            services.AddSerilog(new LoggerConfiguration().MinimumLevel.Information().Enrich.FromLogContext()
                .WriteTo.Sink(Logs)
                .WriteTo.Console(restrictedToMinimumLevel: Serilog.Events.LogEventLevel.Warning, formatProvider: System.Globalization.CultureInfo.InvariantCulture)
                .CreateLogger());
            services.ConfigureDbContext<SmartCityDbContext>(options => options.AddInterceptors(Commands));
        });
    }

    public SmartCityDbContext CreateDbContext() => Database.CreateContext();

    /// <summary>A scope acting as <paramref name="userName"/> (null: anonymous).</summary>
    public Task<ActingUser> AsAsync(string? userName) => ActingUser.AsAsync(Services, userName);

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        // The virtual DisposeAsync, so a derived fixture (BrowserApp) also closes what it opened before the host stops.
        await DisposeAsync();
        if (_database is not null && OwnsDatabase)
        {
            await _database.DisposeAsync();
        }
    }
}
