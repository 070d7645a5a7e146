using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text.RegularExpressions;
using SmartCity.Testing;

namespace SmartCity.IntegrationTests.Web;

/// <summary>
/// Outside Development, static web assets exist only in the published output: publish the app, start the published
/// dll in Production against a migrated database, and fetch every stylesheet and script a page links to.
/// </summary>
public sealed partial class PublishedOutputTests : IAsyncLifetime
{
    private readonly string _output = Directory.CreateTempSubdirectory("smartcity-publish-").FullName;
    private TestDatabase _database = default!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_output, recursive: true);
    }

    [Fact]
    public async Task The_published_app_starts_healthy_in_Production_and_serves_every_asset()
    {
        var configuration = typeof(PublishedOutputTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var (publishCode, publishLog) = await RunAsync("dotnet", ["publish", Path.Combine(RepoPaths.Root, "src", "SmartCity.Web"), "-c", configuration, "--no-build", "-o", _output]);
        Assert.True(publishCode == 0, publishLog);

        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(_output, "SmartCity.Web.dll")])
        {
            WorkingDirectory = _output,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
                ["ConnectionStrings__SmartCity"] = _database.ConnectionString,
                ["Database__MigrateOnStartup"] = "false",
                ["Logging__Directory"] = Path.Combine(_output, "logs"),
            },
        };
        var clock = Stopwatch.StartNew();
        using var app = Process.Start(start)!;
        var log = new System.Text.StringBuilder();
        app.OutputDataReceived += (_, e) => log.AppendLine(e.Data);
        app.ErrorDataReceived += (_, e) => log.AppendLine(e.Data);
        app.BeginOutputReadLine();
        app.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitHealthyAsync(http, app, log);
            Console.WriteLine($"Published app: start to healthy (first run, reference import included) {clock.ElapsedMilliseconds} ms");

            var html = await http.GetStringAsync(new Uri("/account/login", UriKind.Relative));
            var assets = AssetReference().Matches(html).Select(m => m.Groups[1].Value).Where(u => !u.StartsWith("http", StringComparison.Ordinal)).Distinct().ToList();
            Assert.Contains(assets, a => a.Contains("blazor.web", StringComparison.Ordinal));
            Assert.Contains(assets, a => a.Contains("MudBlazor.min.", StringComparison.Ordinal) && a.EndsWith(".css", StringComparison.Ordinal));
            Assert.Contains(assets, a => a.Contains("MudBlazor.min.", StringComparison.Ordinal) && a.EndsWith(".js", StringComparison.Ordinal));
            foreach (var asset in assets)
            {
                using var response = await http.GetAsync(new Uri(asset.StartsWith('/') ? asset : "/" + asset, UriKind.Relative));
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset} answered {(int)response.StatusCode}");
                Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 0, $"{asset} is empty");
            }

            Assert.Contains("ODbL", await http.GetStringAsync(new Uri("/about", UriKind.Relative)), StringComparison.Ordinal);
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
        }
    }

    private static async Task WaitHealthyAsync(HttpClient http, Process app, System.Text.StringBuilder log)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            Assert.False(app.HasExited, "The published app exited:\n" + log);
            try
            {
                using var health = await http.GetAsync(new Uri("/health", UriKind.Relative));
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(250);
        }

        Assert.Fail("The published app did not become healthy in 30 s:\n" + log);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<(int Code, string Log)> RunAsync(string file, string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    [GeneratedRegex("""(?:href|src)="([^"]+\.(?:css|js))""")]
    private static partial Regex AssetReference();
}
