using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SmartCity.Web.Data;

namespace SmartCity.Bench;

/// <summary>
/// The real app in this process on Kestrel (a loopback port), migrated and seeded with reference and demo data, the API's rate limiter
/// off and request logging at warning level. It also serves the raw comparison handler at <see cref="RawHandler.Path"/>, which runs
/// the SQL captured from the app's own API request on a data source with the same connection string (so the same Npgsql pool).
/// </summary>
internal sealed class BenchApp(string connectionString) : WebApplicationFactory<Program>
{
    public SqlCapture Capture { get; } = new();

    public RawHandler Raw { get; } = new(connectionString);

    public string BaseUrl { get; private set; } = "";

    public void Start()
    {
        // The factory finds the app's content root through this variable (a test project gets it from its build; this is a console).
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SMARTCITY_WEB", Path.GetFullPath(Path.Combine("src", "SmartCity.Web")));
        UseKestrel(0);
        StartServer();
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
    }

    public HttpClient NewClient() => new(new SocketsHttpHandler
    {
        UseCookies = true,
        CookieContainer = new System.Net.CookieContainer(),
        AllowAutoRedirect = false,
        MaxConnectionsPerServer = 64,
    })
    { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(30) };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:SmartCity", connectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Database:SeedReferenceData", "true");
        builder.UseSetting("Database:SeedDemoData", "true");
        builder.UseSetting("Api:PermitLimitPerMinute", "0");
        builder.UseSetting("Security:SignInPermitLimit", "1000");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft", "Warning");
        builder.UseSetting("Logging:Directory", Path.Combine(Path.GetTempPath(), "smartcity-bench-logs"));
        builder.ConfigureServices(services =>
        {
            services.ConfigureDbContext<SmartCityDbContext>(options => options.AddInterceptors(Capture));
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new RawHandler.Filter(Raw));
        });
    }
}

/// <summary>Records the SQL commands (text and parameters) EF sends while <see cref="Recording"/> is on.</summary>
internal sealed class SqlCapture : DbCommandInterceptor
{
    private readonly List<CapturedCommand> _commands = [];

    public bool Recording { get; set; }

    public IReadOnlyList<CapturedCommand> Commands
    {
        get
        {
            lock (_commands)
            {
                return [.. _commands];
            }
        }
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command)
    {
        if (!Recording)
        {
            return;
        }

        var parameters = command.Parameters.Cast<NpgsqlParameter>()
            .Select(p => new NpgsqlParameter(p.ParameterName, p.NpgsqlDbType) { Value = p.Value })
            .ToArray();
        lock (_commands)
        {
            _commands.Add(new CapturedCommand(command.CommandText, parameters));
        }
    }
}

internal sealed record CapturedCommand(string Text, NpgsqlParameter[] Parameters);
