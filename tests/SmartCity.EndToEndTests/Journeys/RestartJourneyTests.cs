using Microsoft.Playwright;
using SmartCity.Testing;

namespace SmartCity.EndToEndTests.Journeys;

/// <summary>A new app instance on the same database, as after a restart (keys and sessions live in PostgreSQL).</summary>
internal sealed class RestartedBrowserApp(TestDatabase database) : BrowserApp
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(database);

    protected override bool OwnsDatabase => false;

    protected override bool LaunchesBrowser => false;
}

public sealed class RestartJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task An_app_restart_keeps_a_signed_in_browser_signed_in()
    {
        var page = await app.SignedInPageAsync("penilai2");
        await Assertions.Expect(page.GetByTestId("programme-counts")).ToBeVisibleAsync();

        // Cookies belong to the host, not the port: the same browser now talks to the restarted instance.
        await using var restarted = new RestartedBrowserApp(app.Database);
        await restarted.InitializeAsync();
        await page.GotoAsync(restarted.BaseUrl + "/regencies/33.20");

        await Assertions.Expect(page.GetByTestId("page-title")).ToHaveTextAsync("Kabupaten Jepara");
        Assert.DoesNotContain("/account/login", page.Url, StringComparison.Ordinal);
    }
}
