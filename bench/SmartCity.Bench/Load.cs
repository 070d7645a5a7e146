using System.Diagnostics;
using System.Globalization;

namespace SmartCity.Bench;

/// <summary>Latencies of one load run.</summary>
internal sealed record LoadResult(int Requests, int Failures, double Seconds, double[] LatenciesMs)
{
    public double RequestsPerSecond => Requests / Seconds;

    public double Percentile(double p)
    {
        if (LatenciesMs.Length == 0)
        {
            return double.NaN;
        }

        var sorted = LatenciesMs.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"p50 {Percentile(50):0.0} ms, p95 {Percentile(95):0.0} ms, {RequestsPerSecond:0} req/s, {Requests} requests, {Failures} failed");
}

/// <summary>Closed-loop load: <c>concurrency</c> workers each send requests one after another.</summary>
internal static class Load
{
    public static async Task<LoadResult> RunAsync(HttpClient client, string url, int concurrency, int requestsPerWorker)
    {
        var latencies = new double[concurrency * requestsPerWorker];
        var failures = 0;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < requestsPerWorker; i++)
            {
                var start = Stopwatch.GetTimestamp();
                var ok = false;
                try
                {
                    using var response = await client.GetAsync(new Uri(url, UriKind.Relative), HttpCompletionOption.ResponseContentRead);
                    _ = await response.Content.ReadAsByteArrayAsync();
                    ok = response.IsSuccessStatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // A refused or timed-out request is a failure with the time it took; the run goes on.
                }

                latencies[(worker * requestsPerWorker) + i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (!ok)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })));
        return new LoadResult(latencies.Length, failures, total.Elapsed.TotalSeconds, latencies);
    }
}
