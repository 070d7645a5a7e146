using Microsoft.AspNetCore.Mvc.Testing;
using SmartCity.IntegrationTests.Web;
using SmartCity.Testing;

namespace SmartCity.IntegrationTests.PublicPages;

/// <summary>SQL commands per anonymous request (page or API call): the same with 10 and with 514 regencies, and within the budget.</summary>
public sealed class PublishedDataSqlCountTests(NationalApp national, SmallApp small) : IClassFixture<NationalApp>, IClassFixture<SmallApp>
{
    private static async Task<int> CountAsync(SmartCityFactory app, string path)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await client.GetAsync(new Uri(path, UriKind.Relative))).EnsureSuccessStatusCode(); // warm-up: caches, compiled queries
        app.Commands.Reset();
        (await client.GetAsync(new Uri(path, UriKind.Relative))).EnsureSuccessStatusCode();
        var count = app.Commands.Count;
        Console.WriteLine($"SQL commands for {path} on {app.GetType().Name}: {count}");
        return count;
    }

    [Theory]
    [InlineData("/public/regencies", 5)]
    [InlineData("/public/regencies?q=kab&kind=kabupaten&province=33&page=2", 5)]
    [InlineData("/public/regencies/33.20", 8)]
    [InlineData("/api/v1/regencies", 5)]
    [InlineData("/api/v1/regencies?pageSize=200&kind=kota", 5)]
    [InlineData("/api/v1/regencies/33.20", 8)]
    [InlineData("/api/v1/regencies/33.20/quick-wins?pageSize=200", 5)]
    [InlineData("/api/v1/rounds", 5)]
    public async Task Costs_the_same_for_10_and_514_regencies(string path, int budget)
    {
        var large = await CountAsync(national, path);
        var few = await CountAsync(small, path);

        Assert.Equal(few, large);
        Assert.InRange(large, 1, budget);
    }

    [Fact]
    public async Task Round_results_cost_the_same_for_10_and_514_regencies()
    {
        static async Task<string> PathAsync(SmartCityFactory app)
        {
            var client = app.CreateClient();
            using var rounds = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/rounds", UriKind.Relative)));
            return $"/api/v1/rounds/{rounds.RootElement[0].GetProperty("id").GetInt32()}/results?pageSize=200";
        }

        var large = await CountAsync(national, await PathAsync(national));
        var few = await CountAsync(small, await PathAsync(small));

        Assert.Equal(few, large);
        Assert.InRange(large, 1, 5);
    }
}
