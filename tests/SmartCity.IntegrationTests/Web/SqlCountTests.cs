using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCity.Domain.QuickWins;
using SmartCity.Testing;
using SmartCity.Web.Features.Dashboard;
using SmartCity.Web.Features.QuickWins;
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
        // Dashboard: regency with history and comments, progress, scores, the masterplan's completeness (1);
        // cards: settings with the regency, overdue top 5 with total, returned.
        Assert.Equal(7, large);
    }

    [Theory]
    [InlineData("admin", "/dashboard")]
    [InlineData("penilai1", "/dashboard?province=33&cohort=2018&kind=Kabupaten")]
    public async Task The_national_dashboard_costs_the_same_for_10_and_514_regencies(string user, string path)
    {
        // Prerender computes every figure and persists them, so the interactive render issues no SQL of its own.
        var large = await CountAsync(national, path, user: user);
        var few = await CountAsync(small, path, user: user);

        Assert.Equal(few, large);
        Assert.InRange(large, 1, 5);
    }

    [Fact]
    public async Task The_national_dashboard_with_a_drill_down_costs_the_same_for_10_and_514_regencies()
    {
        const string path = "/dashboard?figure=Programme&key=2018%7C";
        static Task DrillAsync(IServiceProvider services) =>
            services.GetRequiredService<DashboardService>().DrillDownAsync(new DashboardFilter(), DashboardFigure.Programme, "2018|");

        var large = await CountAsync(national, path, DrillAsync);
        var few = await CountAsync(small, path, DrillAsync);

        Assert.Equal(few, large);
        Assert.InRange(large, 1, 5);
    }

    [Theory]
    [InlineData("admin", "/dashboard/regencies/33.20")]
    [InlineData("diskominfo.jepara", "/dashboard/regencies/33.20")]
    public async Task The_regency_dashboard_costs_the_same_for_10_and_514_regencies(string user, string path)
    {
        var large = await CountAsync(national, path, user: user);
        var few = await CountAsync(small, path, user: user);

        Assert.Equal(few, large);
        Assert.InRange(large, 1, 8); // head, progress, scores, overdue page (2), the masterplan's completeness (1): within the detail budget
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

    private static async Task<int> RegencyIdAsync(SmartCityFactory app, string code)
    {
        await using var db = app.CreateDbContext();
        return await db.Regencies.Where(r => r.Code == code).Select(r => r.Id).SingleAsync();
    }

    /// <summary>The register page over HTTP plus the grid's first interactive page of the same regency.</summary>
    private static async Task<int> RegisterCountAsync(SmartCityFactory app, string code)
    {
        var regencyId = await RegencyIdAsync(app, code);
        return await CountAsync(app, $"/quick-wins?regency={code}", services => services.GetRequiredService<QuickWinService>().ListAsync(new QuickWinQuery(RegencyId: regencyId)));
    }

    [Fact]
    public async Task The_quick_win_register_costs_the_same_for_10_and_514_regencies()
    {
        var large = await RegisterCountAsync(national, "33.20");
        var few = await RegisterCountAsync(small, "33.20");

        Assert.Equal(few, large);
        Assert.InRange(large, 1, 5);
    }

    [Fact]
    public async Task A_quick_win_page_costs_the_same_for_10_and_514_regencies()
    {
        async Task<int> PageCountAsync(SmartCityFactory app)
        {
            await using var db = app.CreateDbContext();
            var tic = await db.QuickWins.Where(q => q.Acronym == "TIC").Select(q => q.Id).SingleAsync();
            return await CountAsync(app, $"/quick-wins/{tic}");
        }

        var large = await PageCountAsync(national);
        var few = await PageCountAsync(small);

        Assert.Equal(few, large);
        Assert.InRange(large, 1, 4);
    }

    [Fact]
    public async Task The_quick_win_register_costs_the_same_for_10_and_500_quick_wins()
    {
        string[] demo = ["33.20", "35.17", "33.27"];
        List<(int Id, string Code)> spare;
        await using (var db = small.CreateDbContext())
        {
            spare = (await db.Regencies.Where(r => !demo.Contains(r.Code) && !db.QuickWins.Any(q => q.RegencyId == r.Id)).OrderBy(r => r.Code)
                .Select(r => new { r.Id, r.Code }).Take(2).ToListAsync()).Select(r => (r.Id, r.Code)).ToList();
            Assert.Equal(2, spare.Count);
            var dimensions = await db.Dimensions.OrderBy(d => d.SortOrder).Select(d => d.Id).ToListAsync();
            db.QuickWins.AddRange(QuickWins(spare[0].Id, 10, dimensions));
            db.QuickWins.AddRange(QuickWins(spare[1].Id, 500, dimensions));
            await db.SaveChangesAsync();
            Assert.Equal(500, await db.QuickWins.CountAsync(q => q.RegencyId == spare[1].Id));
            Assert.Equal(1000, await db.ProgressReports.CountAsync(r => r.RegencyId == spare[1].Id));
        }

        var ten = await RegisterCountAsync(small, spare[0].Code);
        var fiveHundred = await RegisterCountAsync(small, spare[1].Code);

        Assert.Equal(ten, fiveHundred);
        Assert.InRange(fiveHundred, 1, 5);
    }

    /// <summary><paramref name="count"/> quick wins of a regency, each with a verified and a submitted report.</summary>
    private static IEnumerable<QuickWin> QuickWins(int regencyId, int count, List<int> dimensions) =>
        Enumerable.Range(1, count).Select(i => new QuickWin
        {
            RegencyId = regencyId,
            Name = $"Quick win massal {i:D3}",
            Acronym = $"QW{i:D3}",
            DimensionId = dimensions[i % dimensions.Count],
            StartDate = new DateOnly(2025, 1, 1).AddDays(i),
            TargetDate = new DateOnly(2027, 12, 31),
            Budget = i * 1_000_000,
            Status = QuickWinStatus.Running,
            CreatedAt = TestNow.Start,
            Reports =
            [
                Report(regencyId, 2026, 8, i % 101, ReportState.Verified),
                Report(regencyId, 2026, 9, Math.Min(100, (i % 101) + 5), ReportState.Submitted),
            ],
        });

    private static ProgressReport Report(int regencyId, int year, int month, decimal percent, ReportState state)
    {
        var start = new DateOnly(year, month, 1);
        return new ProgressReport
        {
            RegencyId = regencyId,
            Period = $"{year:D4}-{month:D2}",
            PeriodStart = start,
            PeriodEnd = start.AddMonths(1).AddDays(-1),
            Percent = percent,
            Narrative = "Laporan massal.",
            State = state,
            CreatedAt = TestNow.Start,
            SubmittedAt = TestNow.Start,
            VerifiedAt = state == ReportState.Verified ? TestNow.Start : null,
        };
    }
}
