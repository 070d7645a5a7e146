using System.Net;

namespace SmartCity.IntegrationTests.Api;

/// <summary>The API's rate limit (here 3 per minute per client) answers 429 problem details with Retry-After, for reads and the report POST alike.</summary>
public sealed class RateLimitApiTests(RateLimitedApiApp app) : IClassFixture<RateLimitedApiApp>
{
    [Fact]
    public async Task Past_the_limit_the_API_answers_429_problems_with_retry_after()
    {
        var client = app.CreateClient();
        for (var i = 0; i < RateLimitedApiApp.PermitLimit; i++)
        {
            using var ok = await client.GetAsync(new Uri("/api/v1", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var limited = await client.GetAsync(new Uri("/api/v1", UriKind.Relative));
        using var post = await client.SendAsync(ApiApp.Post(ApiApp.ReportsPath("33.20", 1), null, "{}"));

        await Problems.AssertProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.NotNull(limited.Headers.RetryAfter);
        await Problems.AssertProblemAsync(post, HttpStatusCode.TooManyRequests);

        // The documentation is not rate-limited with the data.
        using var document = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
    }
}
