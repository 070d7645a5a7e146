using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCity.Domain.Common;
using SmartCity.Testing;
using SmartCity.Web.Features.Admin.ApiKeys;

namespace SmartCity.IntegrationTests.Api;

/// <summary>
/// The portal (10 regencies with the three demo ones, demo data) with a probe in front of the pipeline that records whether a
/// request's body was read (requests tagged with <see cref="ApiApp.TagHeader"/>).
/// </summary>
public sealed class ApiApp : SmartCityFactory
{
    public const string TagHeader = "X-Test-Tag";

    private readonly string _folder = RepoPaths.SmallReferenceData(10, "33.20", "35.17", "33.27");

    protected override string? ReferenceDataPath => _folder;

    /// <summary>Per tag: whether anything read the request body.</summary>
    public ConcurrentDictionary<string, bool> BodyRead { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new BodyReadProbe(BodyRead)));
    }

    public HttpClient Client() => CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>Issues a key as the admin.</summary>
    public async Task<IssuedApiKey> IssueKeyAsync(string regencyCode, string name = "Aplikasi angkutan sampah")
    {
        await using var db = CreateDbContext();
        var regencyId = await db.Regencies.Where(r => r.Code == regencyCode).Select(r => r.Id).SingleAsync();
        await using var admin = await AsAsync("admin");
        var issued = await admin.Get<ApiKeyService>().IssueAsync(new ApiKeyInput { RegencyId = regencyId, Name = name });
        Assert.True(issued.Succeeded, string.Join(", ", issued.Errors.SelectMany(e => e.Value)));
        return issued;
    }

    /// <summary>A quick win of the regency (the first by id, or the <paramref name="skip"/>-th).</summary>
    public async Task<int> QuickWinOfAsync(string regencyCode, int skip = 0)
    {
        await using var db = CreateDbContext();
        return await db.QuickWins.Where(q => db.Regencies.Any(r => r.Id == q.RegencyId && r.Code == regencyCode)).OrderBy(q => q.Id)
            .Select(q => q.Id).Skip(skip).FirstAsync();
    }

    /// <summary>The latest period (of the regency's kind, not in the future, not before the start) the quick win has no report for.</summary>
    public async Task<string> FreePeriodAsync(int quickWinId)
    {
        await using var db = CreateDbContext();
        var q = await db.QuickWins.Where(w => w.Id == quickWinId)
            .Select(w => new { w.StartDate, Kind = db.Regencies.Where(r => r.Id == w.RegencyId).Select(r => r.ReportingPeriod).First(), Taken = w.Reports.Select(r => r.Period).ToList() })
            .SingleAsync();
        var period = ReportingPeriod.Containing(DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime.AddHours(7)), q.Kind).Previous;
        while (q.Taken.Contains(period.ToString()))
        {
            period = period.Previous;
            Assert.True(period.LastDay >= q.StartDate, $"Quick win {quickWinId} has no free period left");
        }

        return period.ToString();
    }

    public static HttpRequestMessage Post(string path, string? key, string body, string? tag = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue(contentType)),
        };
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        if (tag is not null)
        {
            request.Headers.Add(TagHeader, tag);
        }

        return request;
    }

    public static string ReportJson(string period, decimal percent = 40, string? narrative = "Armada baru beroperasi di dua kecamatan.", object? kpiActuals = null) =>
        JsonSerializer.Serialize(new { period, percent, narrative, obstacles = (string?)null, kpiActuals = kpiActuals ?? Array.Empty<object>() });

    public static string ReportsPath(string code, int quickWinId) => $"/api/v1/regencies/{code}/quick-wins/{quickWinId}/reports";

    /// <summary>Wraps tagged requests' bodies in a stream that notes any read.</summary>
    private sealed class BodyReadProbe(ConcurrentDictionary<string, bool> reads) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                var tag = context.Request.Headers[TagHeader].ToString();
                if (tag.Length == 0)
                {
                    await nextMiddleware(context);
                    return;
                }

                var probe = new ReadProbeStream(context.Request.Body);
                context.Request.Body = probe;
                try
                {
                    await nextMiddleware(context);
                }
                finally
                {
                    reads[tag] = probe.WasRead;
                }
            });
            next(app);
        };
    }

    private sealed class ReadProbeStream(Stream inner) : Stream
    {
        public bool WasRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            WasRead = true;
            return inner.Read(buffer, offset, count);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            WasRead = true;
            return inner.ReadAsync(buffer, offset, count, cancellationToken);
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            WasRead = true;
            return inner.ReadAsync(buffer, cancellationToken);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>A portal whose API allows 3 requests per minute per client, for the 429 test.</summary>
public sealed class RateLimitedApiApp : SmartCityFactory
{
    public const int PermitLimit = 3;

    protected override bool SeedDemoData => false;

    protected override string? ReferenceDataPath { get; } = RepoPaths.SmallReferenceData(10, "33.20");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Api:PermitLimitPerMinute", PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

[CollectionDefinition(Name)]
public sealed class ApiFixtureGroup : ICollectionFixture<ApiApp>
{
    public const string Name = "api";
}
