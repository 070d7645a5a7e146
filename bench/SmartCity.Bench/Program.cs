using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using SmartCity.Testing;
using SmartCity.Web.Features.Imports;

namespace SmartCity.Bench;

/// <summary>Benchmarks of ARCHITECTURE.md's budgets on the national dataset. Run through scripts/bench.sh (it starts the database).</summary>
internal static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var options = BenchOptions.Parse(args);
        var report = new BenchReport();
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"bench: {(options.Quick ? "quick" : "full")} run on {Environment.ProcessorCount} cores");

        await using (var app = new BenchApp(options.Connection))
        {
            var watch = Stopwatch.StartNew();
            app.Start();
            report.Add("first start on an empty database (migrate, import 514 regencies, seed demo data)", $"{watch.Elapsed.TotalSeconds:0.0} s", "—", null);

            var (quickWins, reports, scores, took) = await NationalDataset.GenerateAsync(options.Connection);
            report.Add("national dataset generated in SQL", string.Create(inv, $"{quickWins:N0} quick wins, {reports:N0} reports, {scores:N0} reconciled scores in {took.TotalSeconds:0.0} s"), "514 × 40 × 24, 5 rounds", null);
            Console.WriteLine($"bench: dataset {quickWins} quick wins, {reports} reports, {scores} scores ({took.TotalSeconds:0.0} s)");

            using var anonymous = app.NewClient();
            await MeasureAsync(report, "API against raw handler", () => ApiAgainstRawAsync(app, anonymous, report, options.Quick));
            await MeasureAsync(report, "page latency", () => PagesAsync(app, anonymous, report, options.Quick));
            await MeasureAsync(report, "import against COPY", () => ImportAgainstCopyAsync(app, options, report));
        }

        await MeasureAsync(report, "start to healthy", () => StartToHealthyAsync(options, report));

        var markdown = report.ToMarkdown();
        Console.WriteLine();
        Console.WriteLine(markdown);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.OutFile))!);
        await File.WriteAllTextAsync(options.OutFile, markdown);
        return 0;
    }

    /// <summary>A measurement that fails is reported as such; the others still run.</summary>
    private static async Task MeasureAsync(BenchReport report, string what, Func<Task> measure)
    {
        try
        {
            await measure();
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or NpgsqlException or JsonException or TaskCanceledException)
        {
            report.Add(what, $"FAILED: {e.GetType().Name}: {e.Message.Split('\n')[0]}", "—", false);
            Console.Error.WriteLine(e);
        }
    }

    private static async Task ApiAgainstRawAsync(BenchApp app, HttpClient client, BenchReport report, bool quick)
    {
        const int page = 3, pageSize = 50;
        var apiUrl = $"/api/v1/regencies?page={page}&pageSize={pageSize}";
        app.Capture.Recording = true;
        var sample = await client.GetByteArrayAsync(new Uri(apiUrl, UriKind.Relative));
        app.Capture.Recording = false;
        using var document = JsonDocument.Parse(sample);
        await app.Raw.PrepareAsync(app.Capture.Commands, document, page, pageSize);
        var raw = await client.GetByteArrayAsync(new Uri(RawHandler.Path, UriKind.Relative));
        var identical = sample.AsSpan().SequenceEqual(raw);
        report.Note($"API comparison: {app.Capture.Commands.Count} SQL commands captured from `GET {apiUrl}`; {app.Raw.Describe()}; "
            + $"JSON bytes identical: {(identical ? "yes" : $"NO (API {sample.Length} B, raw {raw.Length} B)")}.");

        var requests = quick ? 150 : 750;
        const int concurrency = 8;
        await Load.RunAsync(client, apiUrl, concurrency, requests / 3);
        await Load.RunAsync(client, RawHandler.Path, concurrency, requests / 3);
        var apiRuns = new List<LoadResult>();
        var rawRuns = new List<LoadResult>();
        for (var round = 0; round < 2; round++)
        {
            apiRuns.Add(await Load.RunAsync(client, apiUrl, concurrency, requests));
            rawRuns.Add(await Load.RunAsync(client, RawHandler.Path, concurrency, requests));
        }

        var api = apiRuns.MaxBy(r => r.RequestsPerSecond)!;
        var rawBest = rawRuns.MaxBy(r => r.RequestsPerSecond)!;
        var ratio = api.RequestsPerSecond / rawBest.RequestsPerSecond;
        report.Add("`GET /api/v1/regencies` (page 3 of 50) — app", api.Summary(), "—", api.Failures == 0 ? null : false);
        report.Add("same SQL, raw Npgsql + Utf8JsonWriter handler", rawBest.Summary(), "—", rawBest.Failures == 0 ? null : false);
        report.Add("API throughput ÷ raw throughput (8 concurrent, best of 2)", ratio.ToString("0.00×", CultureInfo.InvariantCulture), "≥ 0.70×", ratio >= 0.70);
    }

    private static async Task PagesAsync(BenchApp app, HttpClient anonymous, BenchReport report, bool quick)
    {
        using var admin = app.NewClient();
        await HttpSignIn.SignInOrThrowAsync(admin, "admin");
        var perWorker = quick ? 4 : 16;
        foreach (var (name, client, url) in new[]
        {
            ("national dashboard (admin, prerendered HTML)", admin, "/dashboard"),
            ("public regency page (anonymous)", anonymous, "/public/regencies/33.20"),
            ("public regency index (anonymous)", anonymous, "/public/regencies"),
        })
        {
            var cold = await Load.RunAsync(client, url, 1, 1);
            report.Add($"{name} `{url}`, first request (nothing shared or cached yet)", cold.Summary(), "—", cold.Failures == 0 ? null : false);
            await Load.RunAsync(client, url, 32, 2);
            var result = await Load.RunAsync(client, url, 32, perWorker);
            var p95 = result.Percentile(95);
            report.Add($"{name} `{url}` at 32 concurrent", result.Summary(), "p95 ≤ 200 ms", result.Failures == 0 && p95 <= 200);
        }
    }

    /// <summary>
    /// 10,000 quick-win rows (20 for each of 500 regencies) imported through the admin's import service (parse, validate, check
    /// against the database, write with audit rows, one transaction), against a binary COPY of the same rows into the same table.
    /// </summary>
    private static async Task ImportAgainstCopyAsync(BenchApp app, BenchOptions options, BenchReport report)
    {
        const int perRegency = 20;
        List<(string Code, int Id)> regencies;
        await using (var connection = new NpgsqlConnection(options.Connection))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT \"Code\", \"Id\" FROM \"Regencies\" ORDER BY \"Code\" LIMIT 500", connection);
            await using var reader = await command.ExecuteReaderAsync();
            regencies = [];
            while (await reader.ReadAsync())
            {
                regencies.Add((reader.GetString(0), reader.GetInt32(1)));
            }
        }

        var dimensions = new[] { "GOV", "BRA", "ECO", "LIV", "SOC", "ENV" };
        var rows = regencies.SelectMany(r => Enumerable.Range(1, perRegency).Select(i => (Regency: r, Index: i))).ToList();
        var csv = new StringBuilder(string.Join(',', ImportService.QuickWinColumns)).Append('\n');
        foreach (var (regency, i) in rows)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{regency.Code},Impor benchmark {i},IB{i},Layanan impor nomor {i},{dimensions[i % 6]},,01/01/2026,31/12/2026,{150000000 + i},APBD,ItSystem,Running\n");
        }

        var bytes = Encoding.UTF8.GetBytes(csv.ToString());
        await using var admin = await ActingUser.AsAsync(app.Services, "admin");
        var imports = admin.Get<ImportService>();
        var watch = Stopwatch.StartNew();
        var check = await imports.CheckAsync(ImportKind.QuickWins, new MemoryStream(bytes), "bench-quick-wins.csv");
        var dryRun = watch.Elapsed;
        if (check.Problems.Count > 0)
        {
            throw new InvalidOperationException($"The bench file has {check.Problems.Count} problems, first: line {check.Problems[0].Line} {check.Problems[0].Reason}");
        }

        watch.Restart();
        var commit = await imports.CommitAsync(ImportKind.QuickWins, new MemoryStream(bytes), "bench-quick-wins.csv");
        var imported = watch.Elapsed;
        if (!commit.Committed || commit.Inserted != rows.Count)
        {
            throw new InvalidOperationException($"The import did not commit all rows ({commit.Inserted} of {rows.Count}).");
        }

        var dimensionIds = new Dictionary<string, int>();
        await using (var connection = new NpgsqlConnection(options.Connection))
        {
            await connection.OpenAsync();
            await using (var command = new NpgsqlCommand("SELECT \"Code\", \"Id\" FROM \"Dimensions\"", connection))
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    dimensionIds[reader.GetString(0)] = reader.GetInt32(1);
                }
            }

            watch.Restart();
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var copy = await connection.BeginBinaryImportAsync(
                "COPY \"QuickWins\" (\"Id\", \"RegencyId\", \"Name\", \"Acronym\", \"Description\", \"DimensionId\", \"StartDate\", \"TargetDate\", \"Budget\", \"BudgetSource\", \"Kind\", \"Status\", \"IsArchived\", \"CreatedAt\") FROM STDIN (FORMAT BINARY)"))
            {
                var id = 60_000_000;
                foreach (var (regency, i) in rows)
                {
                    await copy.StartRowAsync();
                    await copy.WriteAsync(id++, NpgsqlDbType.Integer);
                    await copy.WriteAsync(regency.Id, NpgsqlDbType.Integer);
                    await copy.WriteAsync($"Impor benchmark {i}", NpgsqlDbType.Varchar);
                    await copy.WriteAsync($"IB{i}", NpgsqlDbType.Varchar);
                    await copy.WriteAsync($"Layanan impor nomor {i}", NpgsqlDbType.Varchar);
                    await copy.WriteAsync(dimensionIds[dimensions[i % 6]], NpgsqlDbType.Integer);
                    await copy.WriteAsync(new DateOnly(2026, 1, 1), NpgsqlDbType.Date);
                    await copy.WriteAsync(new DateOnly(2026, 12, 31), NpgsqlDbType.Date);
                    await copy.WriteAsync(150000000m + i, NpgsqlDbType.Numeric);
                    await copy.WriteAsync("APBD", NpgsqlDbType.Varchar);
                    await copy.WriteAsync("ItSystem", NpgsqlDbType.Varchar);
                    await copy.WriteAsync("Running", NpgsqlDbType.Varchar);
                    await copy.WriteAsync(false, NpgsqlDbType.Boolean);
                    await copy.WriteAsync(TimeProvider.System.GetUtcNow(), NpgsqlDbType.TimestampTz);
                }

                await copy.CompleteAsync();
            }

            await transaction.CommitAsync();
        }

        var copied = watch.Elapsed;
        var ratio = imported / copied;
        report.Add($"bulk import of {rows.Count:N0} quick-win rows (CSV, admin service: parse, validate, write, audit)", string.Create(CultureInfo.InvariantCulture,
            $"dry run {dryRun.TotalSeconds:0.00} s; commit {imported.TotalSeconds:0.00} s"), "—", null);
        report.Add("the same rows by PostgreSQL binary COPY", string.Create(CultureInfo.InvariantCulture, $"{copied.TotalSeconds:0.00} s"), "—", null);
        report.Add("import commit ÷ COPY", ratio.ToString("0.0×", CultureInfo.InvariantCulture), "≤ 3×", ratio <= 3);
    }

    private static async Task StartToHealthyAsync(BenchOptions options, BenchReport report)
    {
        var times = new List<double>();
        for (var run = 0; run < 3; run++)
        {
            var port = FreePort();
            var start = new ProcessStartInfo("dotnet", [Path.GetFullPath(options.AppDll)])
            {
                WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(options.AppDll))!,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
            start.Environment["ConnectionStrings__SmartCity"] = options.Connection;
            start.Environment["Database__MigrateOnStartup"] = "false";
            start.Environment["Logging__Directory"] = Path.Combine(Path.GetTempPath(), "smartcity-bench-logs");
            using var health = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(2) };
            var watch = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            double? seconds = null;
            while (watch.Elapsed < TimeSpan.FromSeconds(60) && !process.HasExited)
            {
                try
                {
                    using var response = await health.GetAsync(new Uri("/health", UriKind.Relative));
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        seconds = watch.Elapsed.TotalSeconds;
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException)
                {
                }

                await Task.Delay(25);
            }

            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            if (seconds is null)
            {
                report.Add("app start to healthy (separate process, migrated database)", "did not become healthy within 60 s", "≤ 5 s", false);
                return;
            }

            times.Add(seconds.Value);
        }

        var median = times.Order().ElementAt(times.Count / 2);
        report.Add("app start to healthy (separate process, Production, migrated national database; median of 3)",
            string.Create(CultureInfo.InvariantCulture, $"{median:0.00} s (runs: {string.Join(", ", times.Select(t => t.ToString("0.00", CultureInfo.InvariantCulture)))})"),
            "≤ 5 s", median <= 5);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
