using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCity.Testing;
using SmartCity.Web.Features.QuickWins.Overdue;
using SmartCity.Web.Features.Regencies;

namespace SmartCity.IntegrationTests.Web;

/// <summary>
/// SQL commands per page request (prerender over HTTP plus the grid's interactive load through the page's service)
/// are the same with 10 and with 514 regencies, and within the budget.
/// </summary>
public sealed class SqlCountTests(NationalApp national, SmallApp small) : IClassFixture<NationalApp>, IClassFixture<SmallApp>
{
    private static async Task<int> CountAsync(SmartCityFactory app, string path, Func<IServiceProvider, Task>? interactiveLoad = null, string user = "admin")
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await HttpSignIn.SignInOrThrowAsync(client, user);
        await client.GetStringAsync(new Uri(path, UriKind.Relative)); // warm-up: caches, compiled queries
        await using var admin = await app.AsAsync(user); // the circuit's user, resolved before counting
        app.Commands.Reset();
        await client.GetStringAsync(new Uri(path, UriKind.Relative));
        if (interactiveLoad is not null)
        {
            await interactiveLoad(admin.Services);
        }

        var count = app.Commands.Count;
        Console.WriteLine($"SQL commands for {path} on {app.GetType().Name}: {count}");
        return count;
    }

    private static Task LoadFirstGridPage(IServiceProvider services) =>
        services.GetRequiredService<RegencyService>().ListAsync(new RegencyQuery());

    [Fact]
    public async Task The_regency_list_costs_the_same_for_10_and_514_regencies()
    {
        var large = await CountAsync(national, "/regencies", LoadFirstGridPage);
        var few = await CountAsync(small, "/regencies", LoadFirstGridPage);

        Assert.Equal(few, large);
        Assert.InRange(large, 1, 5);
    }

    [Fact]
    public async Task The_regency_page_costs_the_same_for_10_and_514_regencies()
    {
        var large = await CountAsync(national, "/regencies/33.20");
        var few = await CountAsync(small, "/regencies/33.20");

        Assert.Equal(few, large);
        Assert.InRange(large, 1, 8);
    }

    [Fact]
    public async Task Beranda_costs_the_same_for_10_and_514_regencies()
    {
        var large = await CountAsync(national, "/");
        var few = await CountAsync(small, "/");

        Assert.Equal(few, large);
        Assert.InRange(large, 1, 5);
    }

    [Fact]
    public async Task Beranda_of_a_regency_user_with_its_report_cards_costs_the_same_for_10_and_514_regencies()
    {
        var large = await CountAsync(national, "/", user: "diskominfo.jepara");
        var few = await CountAsync(small, "/", user: "diskominfo.jepara");

        Assert.Equal(few, large);
        Assert.Equal(5, large); // summary: regency + progress; cards: settings with the regency, overdue top 5 with total, returned
    }

    [Theory]
    [InlineData("admin", null)]
    [InlineData("diskominfo.jepara", null)]
    [InlineData("penilai1", "33.20")]
    public async Task The_overdue_page_costs_the_same_for_10_and_514_regencies(string user, string? regency)
    {
        var path = regency is null ? "/quick-wins/overdue" : $"/quick-wins/overdue?regency={regency}";
        async Task<Func<IServiceProvider, Task>> GridLoadAsync(SmartCityFactory app)
        {
            // The scope is prerendered and persisted; the interactive grid then lists the first page.
            await using var db = app.CreateDbContext(); // not counted
            int? regencyId = regency is null ? null : await db.Regencies.Where(r => r.Code == regency).Select(r => r.Id).SingleAsync();
            return services => services.GetRequiredService<OverdueService>().ListAsync(new OverdueQuery(regencyId, null));
        }

        var large = await CountAsync(national, path, await GridLoadAsync(national), user);
        var few = await CountAsync(small, path, await GridLoadAsync(small), user);

        Assert.Equal(few, large);
        Assert.InRange(large, 1, 5);
    }
}
