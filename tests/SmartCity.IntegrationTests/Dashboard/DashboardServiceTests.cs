using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartCity.Domain.Assessments;
using SmartCity.Domain.Dimensions;
using SmartCity.Domain.Masterplans;
using SmartCity.Domain.QuickWins;
using SmartCity.Domain.Regencies;
using SmartCity.IntegrationTests.Web;
using SmartCity.Testing;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.Assessments;
using SmartCity.Web.Features.Dashboard;
using SmartCity.Web.Features.Regencies;

namespace SmartCity.IntegrationTests.Dashboard;

/// <summary>
/// The national and regency dashboards on the demo data at the day it was written for (TestNow.DemoDay, 23 Nov 2026 10:00 WIB by default: Jepara has 3 overdue quick wins,
/// Jombang 1). Expected figures are recomputed here from the rows (progress with <see cref="QuickWinProgress.Of"/>, dimension scores
/// from <see cref="ResultsService"/>), not read back from the dashboard's SQL.
/// </summary>
public sealed class DashboardServiceTests(NationalApp app) : IClassFixture<NationalApp>
{
    private static readonly DateTimeOffset Today = TestNow.DemoDay;

    private async Task<NationalDashboard> NationalAsync(DashboardFilter filter, string user = "admin")
    {
        using var pin = app.Clock.Pin(Today);
        await using var actor = await app.AsAsync(user);
        return await actor.Get<DashboardService>().NationalAsync(filter);
    }

    private async Task<IReadOnlyList<DrillRow>> DrillAsync(DashboardFilter filter, DashboardFigure figure, string key, int page = 1, int pageSize = 25)
    {
        using var pin = app.Clock.Pin(Today);
        await using var actor = await app.AsAsync("admin");
        return (await actor.Get<DashboardService>().DrillDownAsync(filter, figure, key, page, pageSize)).Items;
    }

    /// <summary>Active quick wins (not archived, not stopped) of the regencies matching <paramref name="regency"/>, with progress by the one formula.</summary>
    private async Task<List<(int RegencyId, string Dimension, decimal Progress)>> ActiveQuickWinsAsync(Func<Regency, bool> regency)
    {
        await using var db = app.CreateDbContext();
        var regencies = (await db.Regencies.AsNoTracking().Include(r => r.Province).ToListAsync()).Where(r => r.IsActive).Where(regency).Select(r => r.Id).ToHashSet();
        var dimensions = await db.Dimensions.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Code);
        var quickWins = await db.QuickWins.AsNoTracking().Include(q => q.Reports)
            .Where(q => !q.IsArchived && q.Status != QuickWinStatus.Stopped).ToListAsync();
        return [.. quickWins.Where(q => regencies.Contains(q.RegencyId))
            .Select(q => (q.RegencyId, dimensions[q.DimensionId], QuickWinProgress.Of(q.Reports.Select(r => (r.Period, r.State, r.Percent)))))];
    }

    private async Task<RoundResults> LatestRoundResultsAsync()
    {
        await using var db = app.CreateDbContext();
        var id = await db.AssessmentRounds.Where(r => r.State == RoundState.Finalised).OrderByDescending(r => r.Year).ThenByDescending(r => r.FinalisedAt).Select(r => r.Id).FirstAsync();
        await using var admin = await app.AsAsync("admin");
        return (await admin.Get<ResultsService>().ComputeAsync(id))!;
    }

    private static decimal Mean(IEnumerable<decimal> values) => Math.Round(values.Average(), 2, MidpointRounding.AwayFromZero);

    [Fact]
    public async Task The_national_figures_are_those_of_the_demo_data()
    {
        var data = await NationalAsync(new DashboardFilter());

        // Programme: Jepara (2018, evaluation), Pemalang (2018, presentation), Jombang (2019, Bimtek I).
        Assert.Equal(
            [new CohortStageCount(2018, ProgrammeStage.Presentation, 1), new CohortStageCount(2018, ProgrammeStage.Evaluation, 1), new CohortStageCount(2019, ProgrammeStage.BimtekI, 1)],
            data.Programme);
        Assert.Equal(3, data.InProgramme);
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(await db.Regencies.CountAsync(r => r.IsActive), data.Regencies);
            Assert.Equal(await db.Provinces.CountAsync(), data.Provinces.Count);
        }

        Assert.Equal([2018, 2019], data.Cohorts);

        var quickWins = await ActiveQuickWinsAsync(_ => true);
        Assert.Equal(11, quickWins.Count); // Jepara 9, Jombang 2
        Assert.Equal(quickWins.Count, data.ActiveQuickWins);
        Assert.Equal(DimensionCodes.All, data.Progress.Select(p => p.Code));
        foreach (var dimension in data.Progress)
        {
            var of = quickWins.Where(q => q.Dimension == dimension.Code).ToList();
            Assert.Equal(of.Count, dimension.Count);
            Assert.Equal(of.Count == 0 ? null : Mean(of.Select(q => q.Progress)), dimension.Mean);
        }

        Assert.Equal(quickWins.Count, data.Buckets.Sum(b => b.QuickWins));
        foreach (var bucket in data.Buckets)
        {
            Assert.Equal(quickWins.Count(q => Math.Min(4, (int)Math.Floor(q.Progress / 20)) == bucket.Bucket), bucket.QuickWins);
        }

        // Latest finalised round: the 2025 demo round with its three participants; mean dimension scores from the results service.
        var results = await LatestRoundResultsAsync();
        Assert.Equal("Evaluasi Tahunan 2025 (data demo)", data.Round!.Name);
        Assert.True(data.Round.IsDemo);
        Assert.Equal(results.Round.Id, data.Round.Id);
        Assert.Equal(3, data.Bands.Sum(b => b.Regencies));
        Assert.Equal(["Memuaskan", "Sangat Baik", "Baik", "Cukup", "Kurang"], data.Bands.Select(b => b.Band));
        foreach (var band in data.Bands)
        {
            Assert.Equal(results.Participants.Count(p => p.Band == band.Band), band.Regencies);
        }

        foreach (var score in data.Scores)
        {
            var of = results.Participants.Select(p => p.Dimensions.Single(d => d.Code == score.Code).Score).OfType<decimal>().ToList();
            Assert.Equal(of.Count, score.Count);
            Assert.Equal(Mean(of), score.Mean);
        }

        Assert.Contains(data.Scores, s => s.Mean > 0);

        // Overdue on the demo day: Jepara 3 quick wins, Jombang 1.
        Assert.Equal(2, data.OverdueRegencies);
        Assert.Equal(4, data.OverdueQuickWins);
        Assert.Equal(["33.20", "35.17"], data.Overdue.Select(o => o.Code));
        Assert.Equal([3, 1], data.Overdue.Select(o => o.QuickWins));
    }

    [Fact]
    public async Task Filters_by_province_cohort_and_kind_apply_to_every_figure()
    {
        var central = await NationalAsync(new DashboardFilter(Province: "33")); // Jawa Tengah: Jepara and Pemalang, not Jombang
        await using (var db = app.CreateDbContext())
        {
            Assert.Equal(await db.Regencies.CountAsync(r => r.IsActive && r.Province!.Code == "33"), central.Regencies);
        }

        Assert.Equal(2, central.InProgramme);
        Assert.Equal((await ActiveQuickWinsAsync(r => r.Province!.Code == "33")).Count, central.ActiveQuickWins);
        Assert.Equal(9, central.ActiveQuickWins);
        Assert.Equal(2, central.Bands.Sum(b => b.Regencies));
        Assert.Equal(2, central.Scores.Max(s => s.Count));
        Assert.Equal(["33.20"], central.Overdue.Select(o => o.Code));
        Assert.Equal(3, central.OverdueQuickWins);

        var cohort2019 = await NationalAsync(new DashboardFilter(Cohort: 2019));
        Assert.Equal(1, cohort2019.Regencies);
        Assert.Equal([new CohortStageCount(2019, ProgrammeStage.BimtekI, 1)], cohort2019.Programme);
        Assert.Equal(2, cohort2019.ActiveQuickWins);
        Assert.Equal(["35.17"], cohort2019.Overdue.Select(o => o.Code));
        Assert.Equal(1, cohort2019.Bands.Sum(b => b.Regencies));

        var cities = await NationalAsync(new DashboardFilter(Kind: RegencyKind.Kota)); // the three demo regencies are kabupaten
        Assert.Equal(0, cities.InProgramme);
        Assert.Equal(0, cities.ActiveQuickWins);
        Assert.All(cities.Progress, p => Assert.Null(p.Mean));
        Assert.Equal(0, cities.Bands.Sum(b => b.Regencies));
        Assert.Equal(0, cities.OverdueRegencies);
        Assert.All(cities.Scores, s => Assert.Equal(0, s.Count));
        Assert.True(cities.Regencies > 0);
    }

    [Fact]
    public async Task Each_figure_drills_down_to_the_regencies_behind_it()
    {
        var all = new DashboardFilter();
        Assert.Equal(["33.20"], (await DrillAsync(all, DashboardFigure.Programme, "2018|Evaluation")).Select(r => r.Code));
        Assert.Equal(["33.20", "33.27"], (await DrillAsync(all, DashboardFigure.Programme, "2018|")).Select(r => r.Code));
        Assert.Equal(["33.20", "33.27", "35.17"], (await DrillAsync(all, DashboardFigure.Programme, "")).Select(r => r.Code));
        Assert.Empty(await DrillAsync(all, DashboardFigure.Programme, "2018|none"));

        // Buckets: the values (quick wins per regency in the bucket) add up to the bucket's count.
        var data = await NationalAsync(all);
        foreach (var bucket in data.Buckets)
        {
            var rows = await DrillAsync(all, DashboardFigure.ProgressBucket, bucket.Bucket.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(bucket.QuickWins, (int)rows.Sum(r => r.Value ?? 0));
        }

        // Progress of a dimension: each regency's mean progress of its active quick wins there.
        var quickWins = await ActiveQuickWinsAsync(_ => true);
        var dimension = data.Progress.First(p => p.Count > 0).Code;
        var progressRows = await DrillAsync(all, DashboardFigure.ProgressDimension, dimension);
        Assert.Equal(quickWins.Where(q => q.Dimension == dimension).Select(q => q.RegencyId).Distinct().Order(), progressRows.Select(r => r.Id).Order());
        Assert.All(progressRows, r => Assert.Equal(Mean(quickWins.Where(q => q.Dimension == dimension && q.RegencyId == r.Id).Select(q => q.Progress)), r.Value));

        // Bands and dimension scores of the latest round: the participants with their index and score.
        var results = await LatestRoundResultsAsync();
        foreach (var band in data.Bands)
        {
            var rows = await DrillAsync(all, DashboardFigure.Band, band.Band);
            Assert.Equal(results.Participants.Where(p => p.Band == band.Band).Select(p => p.RegencyCode).Order(), rows.Select(r => r.Code).Order());
            Assert.All(rows, r => Assert.Equal(results.Participants.Single(p => p.RegencyId == r.Id).Index, r.Value));
        }

        var gov = await DrillAsync(all, DashboardFigure.ScoreDimension, DimensionCodes.Governance);
        Assert.Equal(3, gov.Count);
        Assert.All(gov, r => Assert.Equal(results.Participants.Single(p => p.RegencyId == r.Id).Dimensions.Single(d => d.Code == DimensionCodes.Governance).Score, r.Value));
        Assert.True(gov.Zip(gov.Skip(1)).All(pair => pair.First.Value >= pair.Second.Value), "highest first");

        // Overdue: Jepara (3) then Jombang (1); paged on the server.
        var overdue = await DrillAsync(all, DashboardFigure.Overdue, "");
        Assert.Equal(["33.20", "35.17"], overdue.Select(r => r.Code));
        Assert.Equal([3m, 1m], overdue.Select(r => r.Value));
        using (app.Clock.Pin(Today))
        {
            await using var admin = await app.AsAsync("admin");
            var second = await admin.Get<DashboardService>().DrillDownAsync(all, DashboardFigure.Overdue, "", page: 2, pageSize: 1);
            Assert.Equal(2, second.Total);
            Assert.Equal("35.17", Assert.Single(second.Items).Code);
            var programmePage = await admin.Get<DashboardService>().DrillDownAsync(all, DashboardFigure.Programme, "", page: 2, pageSize: 2);
            Assert.Equal(3, programmePage.Total);
            Assert.Equal("35.17", Assert.Single(programmePage.Items).Code);
        }

        // The filter applies to the drill-down too.
        Assert.Equal(["33.20"], (await DrillAsync(new DashboardFilter(Province: "33"), DashboardFigure.Overdue, "")).Select(r => r.Code));
        Assert.Equal(["35.17"], (await DrillAsync(new DashboardFilter(Cohort: 2019), DashboardFigure.Programme, "")).Select(r => r.Code));
    }

    [Fact]
    public async Task Shared_figures_are_computed_once_per_filter_and_still_refused_to_regency_users()
    {
        var live = await NationalAsync(new DashboardFilter());
        using var pin = app.Clock.Pin(Today);
        var cache = new MemoryCache(new MemoryCacheOptions());
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Dashboard:CacheSeconds"] = "60" }).Build();
        DashboardService Shared(ActingUser actor) => ActivatorUtilities.CreateInstance<DashboardService>(actor.Services, cache, settings);
        await using var admin = await app.AsAsync("admin");
        Assert.Equal(TimeSpan.FromMinutes(1), Shared(admin).CacheFor);

        app.Commands.Reset();
        var first = await Shared(admin).NationalAsync(new DashboardFilter());
        var computed = app.Commands.Count;
        Assert.True(computed >= 2, $"{computed} commands");
        Assert.Equal((live.Regencies, live.ActiveQuickWins, live.OverdueQuickWins), (first.Regencies, first.ActiveQuickWins, first.OverdueQuickWins));
        Assert.Equal(live.Programme, first.Programme);
        Assert.Equal(live.Progress, first.Progress);
        Assert.Equal(live.Scores, first.Scores);

        // Concurrent requests for the same filter share the one computation: no further SQL.
        app.Commands.Reset();
        var again = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Shared(admin).NationalAsync(new DashboardFilter())));
        Assert.Equal(0, app.Commands.Count);
        Assert.All(again, d => Assert.Same(first, d));

        // Another filter is computed on its own.
        var jawaTengah = await Shared(admin).NationalAsync(new DashboardFilter(Province: "33"));
        Assert.True(app.Commands.Count >= 2);
        Assert.True(jawaTengah.Regencies < first.Regencies);

        // Access is checked before the shared figures.
        await using var jepara = await app.AsAsync("diskominfo.jepara");
        await Assert.ThrowsAsync<AccessDeniedException>(() => Shared(jepara).NationalAsync(new DashboardFilter()));
    }

    [Theory]
    [InlineData("diskominfo.jepara")]
    [InlineData("bappeda.jombang")]
    public async Task Regency_users_are_refused_the_national_dashboard_in_the_service_and_on_the_page(string user)
    {
        await using var actor = await app.AsAsync(user);
        var service = actor.Get<DashboardService>();

        await Assert.ThrowsAsync<AccessDeniedException>(() => service.NationalAsync(new DashboardFilter()));
        await Assert.ThrowsAsync<AccessDeniedException>(() => service.DrillDownAsync(new DashboardFilter(), DashboardFigure.Overdue, ""));
        Assert.Contains(app.Logs.Messages(), m => m.StartsWith("Access refused", StringComparison.Ordinal) && m.Contains(user, StringComparison.Ordinal) && m.Contains("national dashboard", StringComparison.Ordinal));

        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await HttpSignIn.SignInOrThrowAsync(client, user);
        var response = await client.GetAsync(new Uri("/dashboard", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("data-testid=\"programme-table\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("penilai1")]
    public async Task National_roles_get_the_dashboard_page_with_its_figures_and_tables(string user)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await HttpSignIn.SignInOrThrowAsync(client, user);

        var html = await client.GetStringAsync(new Uri("/dashboard?province=33&figure=Band&key=Baik", UriKind.Relative));

        Assert.Contains("data-testid=\"programme-2018-Evaluation\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"programme-2019-BimtekI\"", html, StringComparison.Ordinal); // Jombang is not in Jawa Tengah
        Assert.Contains("data-testid=\"progress-table\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"distribution-table\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"band-table\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"score-table\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"drill-down\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/dashboard?province=33&amp;figure=Overdue&amp;key=#drill-down\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_regency_dashboard_shows_its_own_regency_to_its_users_and_any_regency_to_national_roles()
    {
        using var pin = app.Clock.Pin(Today);
        await using var jepara = await app.AsAsync("diskominfo.jepara");
        var own = (await jepara.Get<RegencyDashboardService>().GetAsync(null))!;

        Assert.Equal("33.20", own.Code);
        Assert.Equal(ProgrammeStage.Evaluation, own.Stage);
        Assert.Equal(2018, own.CohortYear);
        Assert.Equal([ProgrammeStage.BimtekIV, ProgrammeStage.Evaluation], own.Stages.Select(s => s.Stage));
        Assert.Equal(3, own.OverdueTotal);
        Assert.Equal(3, own.Overdue.Count);
        var summary = (await jepara.Get<RegencyService>().OwnSummaryAsync())!;
        Assert.Equal(summary.Dimensions, own.Progress);

        await using (var db = app.CreateDbContext())
        {
            var plan = await db.Masterplans.AsNoTracking().Where(m => m.RegencyId == own.Id).OrderByDescending(m => m.StartYear).FirstAsync();
            Assert.Equal(plan.Id, own.Masterplan!.Id);
            Assert.Equal(plan.State, own.Masterplan.State);
            var open = await db.ReviewComments.CountAsync(c => c.RegencyId == own.Id && c.ParentId == null && c.ResolvedAt == null);
            Assert.Equal(open, own.OpenCommentsTotal);
        }

        await using (var planner = await app.AsAsync("bappeda.jepara"))
        {
            var detail = (await planner.Get<SmartCity.Web.Features.Masterplans.MasterplanService>().GetAsync(own.Masterplan.Id))!;
            Assert.Equal(detail.Completeness.Count, own.Masterplan.Completeness.Count);
        }

        // Scores of the latest finalised round against the mean of its participants.
        var results = await LatestRoundResultsAsync();
        var mine = results.Participants.Single(p => p.RegencyCode == "33.20");
        Assert.Equal(results.Round.Id, own.Round!.Id);
        Assert.Equal(mine.Index, own.RoundIndex);
        Assert.Equal(mine.Band, own.RoundBand);
        foreach (var score in own.Scores)
        {
            Assert.Equal(mine.Dimensions.Single(d => d.Code == score.Code).Score, score.Regency);
            Assert.Equal(Mean(results.Participants.Select(p => p.Dimensions.Single(d => d.Code == score.Code).Score).OfType<decimal>()), score.National);
        }

        // Another regency is refused to a regency user; national roles read any.
        await Assert.ThrowsAsync<AccessDeniedException>(() => jepara.Get<RegencyDashboardService>().GetAsync("35.17"));
        Assert.Contains(app.Logs.Messages(), m => m.StartsWith("Access refused", StringComparison.Ordinal) && m.Contains("regency dashboard of regency", StringComparison.Ordinal));

        await using var assessor = await app.AsAsync("penilai1");
        var jombang = (await assessor.Get<RegencyDashboardService>().GetAsync("35.17"))!;
        Assert.Equal("35.17", jombang.Code);
        Assert.Equal(1, jombang.OverdueTotal);
        Assert.Equal(ProgrammeStage.BimtekI, jombang.Stage);
        Assert.Equal(MasterplanState.Draft, jombang.Masterplan!.State);
        Assert.NotEmpty(jombang.Masterplan.Completeness);
        Assert.Null(await assessor.Get<RegencyDashboardService>().GetAsync("99.99"));
        Assert.Null(await assessor.Get<RegencyDashboardService>().GetAsync(null)); // no own regency
    }

    [Fact]
    public async Task The_regency_dashboard_page_answers_403_for_another_regency_and_200_for_its_readers()
    {
        async Task<HttpResponseMessage> GetAsync(string user, string path)
        {
            var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            await HttpSignIn.SignInOrThrowAsync(client, user);
            return await client.GetAsync(new Uri(path, UriKind.Relative));
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await GetAsync("diskominfo.jepara", "/dashboard/regencies/35.17")).StatusCode);
        var own = await GetAsync("diskominfo.jepara", "/dashboard/regencies/33.20");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var html = await (await GetAsync("penilai1", "/dashboard/regencies/35.17")).Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"stage-card\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"regency-score-table\"", html, StringComparison.Ordinal);
        Assert.Contains("Kabupaten Jombang", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("admin", "/dashboard/regencies/99.99")).StatusCode);
    }
}
