using Microsoft.EntityFrameworkCore;
using SmartCity.Domain.Common;
using SmartCity.Domain.QuickWins;
using SmartCity.IntegrationTests.Web;
using SmartCity.Testing;
using SmartCity.Web.Features.Accounts;
using SmartCity.Web.Features.QuickWins.Overdue;

namespace SmartCity.IntegrationTests.QuickWins;

/// <summary>
/// Overdue reports on the demo data at the day it was written for (<see cref="TestNow.DemoDay"/>: 23 Nov 2026 10:00 WIB by default,
/// when Jepara checks the latest demo month, 2026-10, with 10 grace days).
/// Tests that change data put it back, so each one starts from the demo data.
/// </summary>
public sealed class OverdueServiceTests(NationalApp app) : IClassFixture<NationalApp>
{
    private static readonly DateTimeOffset Today = TestNow.DemoDay;

    /// <summary>The latest demo month (2026-10 by default) and its last day.</summary>
    private static readonly ReportingPeriod Latest = TestNow.DemoLatest;
    private static readonly DateOnly LatestEnd = Latest.LastDay;
    private static readonly ReportingPeriod NextMonth = ReportingPeriod.Containing(LatestEnd.AddDays(1), ReportingPeriodKind.Monthly);

    /// <summary>Instants are stored in UTC.</summary>
    private static readonly DateTimeOffset Stamp = Today.ToUniversalTime();

    private async Task<int> RegencyIdAsync(string code)
    {
        await using var db = app.CreateDbContext();
        return await db.Regencies.Where(r => r.Code == code).Select(r => r.Id).SingleAsync();
    }

    private async Task<PagedResult> ListAsync(string user, int? regencyId = null, string? search = null, DateTimeOffset? at = null)
    {
        using var pin = app.Clock.Pin(at ?? Today);
        await using var actor = await app.AsAsync(user);
        var page = await actor.Get<OverdueService>().ListAsync(new OverdueQuery(regencyId, search));
        return new PagedResult(page.Items, page.Total);
    }

    private sealed record PagedResult(IReadOnlyList<OverdueRow> Items, int Total)
    {
        public IEnumerable<string> Names => Items.Select(r => r.Acronym ?? r.Name);
    }

    private async Task<QuickWin> QuickWinAsync(string name)
    {
        await using var db = app.CreateDbContext();
        return await db.QuickWins.AsNoTracking().SingleAsync(q => q.Name == name);
    }

    private async Task UpdateAsync(int quickWinId, Action<QuickWin> change)
    {
        await using var db = app.CreateDbContext();
        var quickWin = await db.QuickWins.SingleAsync(q => q.Id == quickWinId);
        change(quickWin);
        await db.SaveChangesAsync();
    }

    private async Task SetGraceAsync(string days)
    {
        await using var db = app.CreateDbContext();
        await db.Settings.Where(s => s.Key == SettingKeys.OverdueGraceDays).ExecuteUpdateAsync(s => s.SetProperty(x => x.Value, days));
    }

    [Fact]
    public async Task The_demo_data_has_three_overdue_Jepara_quick_wins_on_the_23rd_after_the_latest_month()
    {
        var page = await ListAsync("diskominfo.jepara");

        Assert.Equal(3, page.Total);
        Assert.Equal(["Desa Mandiri Sampah", "Nikah Keren", "Simoncer"], page.Names);
        Assert.All(page.Items, r => Assert.Equal(("33.20", Latest.ToString(), LatestEnd, 13), (r.RegencyCode, r.Period, r.PeriodEnd, r.DaysOverdue)));
        Assert.Equal([ReportState.Draft, null, ReportState.Returned], page.Items.Select(r => r.ReportState));
        Assert.Equal(("ENV", "DLH"), (page.Items[0].DimensionCode, page.Items[0].OwnerUnit));
    }

    [Fact]
    public async Task Before_Octobers_grace_has_passed_September_is_checked_and_it_is_complete()
    {
        var onTenth = await ListAsync("diskominfo.jepara", at: TestNow.WibAt(LatestEnd.AddDays(10), 23, 59));
        var onEleventh = await ListAsync("diskominfo.jepara", at: TestNow.WibAt(LatestEnd.AddDays(11), 0, 1));

        Assert.Equal(0, onTenth.Total);
        Assert.Empty(onTenth.Items);
        Assert.Equal(3, onEleventh.Total);
        Assert.All(onEleventh.Items, r => Assert.Equal(1, r.DaysOverdue));
    }

    [Fact]
    public async Task The_national_list_spans_regencies_and_searches_regency_code_and_name()
    {
        var national = await ListAsync("admin");
        Assert.Equal(4, national.Total);
        Assert.Equal(["33.20", "33.20", "33.20", "35.17"], national.Items.Select(r => r.RegencyCode));
        Assert.Equal("Satu Data", national.Items[^1].Acronym);

        Assert.Equal(["Satu Data"], (await ListAsync("admin", search: "jombang")).Names);
        Assert.Equal(["Satu Data"], (await ListAsync("admin", search: "35.17")).Names);
        Assert.Equal(["Nikah Keren"], (await ListAsync("admin", search: "nikah")).Names);
        Assert.Equal(0, (await ListAsync("admin", search: "100%_")).Total);
    }

    [Theory]
    [InlineData(ReportState.Draft, true)]
    [InlineData(ReportState.Returned, true)]
    [InlineData(ReportState.Submitted, false)]
    [InlineData(ReportState.Verified, false)]
    public async Task Only_a_submitted_or_verified_report_for_the_period_takes_a_quick_win_off_the_list(ReportState state, bool listed)
    {
        var nikah = await QuickWinAsync("Nikah Keren");
        await using var db = app.CreateDbContext();
        var author = await db.Users.Where(u => u.UserName == "diskominfo.jepara").Select(u => u.Id).SingleAsync();
        var verifier = await db.Users.Where(u => u.UserName == "verifikator.jepara").Select(u => u.Id).SingleAsync();
        var report = new ProgressReport
        {
            RegencyId = nikah.RegencyId,
            QuickWinId = nikah.Id,
            Period = Latest.ToString(),
            PeriodStart = Latest.FirstDay,
            PeriodEnd = LatestEnd,
            Percent = 60,
            State = state,
            AuthorId = author,
            CreatedAt = Stamp,
            SubmittedAt = state == ReportState.Draft ? null : Stamp,
            VerifiedById = state == ReportState.Verified ? verifier : null,
            ReturnReason = state == ReportState.Returned ? "Lengkapi bukti." : null,
        };
        db.ProgressReports.Add(report);
        await db.SaveChangesAsync();
        try
        {
            var page = await ListAsync("diskominfo.jepara");

            var row = page.Items.SingleOrDefault(r => r.QuickWinId == nikah.Id);
            Assert.Equal(listed, row is not null);
            Assert.Equal(listed ? 3 : 2, page.Total);
            if (listed)
            {
                Assert.Equal(state, row!.ReportState);
            }
        }
        finally
        {
            await db.ProgressReports.Where(r => r.Id == report.Id).ExecuteDeleteAsync();
        }
    }

    [Fact]
    public async Task A_report_for_another_period_does_not_count()
    {
        var nikah = await QuickWinAsync("Nikah Keren");
        await using var db = app.CreateDbContext();
        var report = new ProgressReport
        {
            RegencyId = nikah.RegencyId,
            QuickWinId = nikah.Id,
            Period = NextMonth.ToString(),
            PeriodStart = NextMonth.FirstDay,
            PeriodEnd = NextMonth.LastDay,
            Percent = 60,
            State = ReportState.Submitted,
            CreatedAt = Stamp,
            SubmittedAt = Stamp,
        };
        db.ProgressReports.Add(report);
        await db.SaveChangesAsync();
        try
        {
            Assert.Contains("Nikah Keren", (await ListAsync("diskominfo.jepara")).Names);
        }
        finally
        {
            await db.ProgressReports.Where(r => r.Id == report.Id).ExecuteDeleteAsync();
        }
    }

    [Fact]
    public async Task Archived_stopped_completed_and_not_yet_started_quick_wins_never_show()
    {
        var nikah = await QuickWinAsync("Nikah Keren");
        var changes = new (string What, Action<QuickWin> Change)[]
        {
            ("archived", q => q.IsArchived = true),
            ("stopped", q => q.Status = QuickWinStatus.Stopped),
            ("completed", q => q.Status = QuickWinStatus.Completed),
            ("started after the latest month", q => (q.StartDate, q.TargetDate) = (NextMonth.FirstDay, Later(q.TargetDate, NextMonth.FirstDay))),
        };
        void Reset(QuickWin q) => (q.IsArchived, q.Status, q.StartDate, q.TargetDate) = (nikah.IsArchived, nikah.Status, nikah.StartDate, nikah.TargetDate);
        try
        {
            foreach (var (what, change) in changes)
            {
                await UpdateAsync(nikah.Id, change);
                Assert.True(!(await ListAsync("diskominfo.jepara")).Names.Contains("Nikah Keren"), $"a quick win {what} is listed");
                await UpdateAsync(nikah.Id, Reset);
            }

            await UpdateAsync(nikah.Id, q => (q.Status, q.StartDate, q.TargetDate) = (QuickWinStatus.Planned, LatestEnd, Later(q.TargetDate, LatestEnd)));
            Assert.Contains("Nikah Keren", (await ListAsync("diskominfo.jepara")).Names);
        }
        finally
        {
            await UpdateAsync(nikah.Id, Reset);
        }
    }

    /// <summary>A target that stays after a moved start (the database checks start ≤ target; late in the calendar the demo's target has passed).</summary>
    private static DateOnly Later(DateOnly target, DateOnly start) => target >= start ? target : start.AddYears(1);

    [Fact]
    public async Task The_grace_days_setting_changes_which_period_is_checked()
    {
        var eighth = TestNow.WibAt(LatestEnd.AddDays(8), 10);
        try
        {
            Assert.Equal(0, (await ListAsync("diskominfo.jepara", at: eighth)).Total); // 10 days: September is checked
            await SetGraceAsync("5");
            var page = await ListAsync("diskominfo.jepara", at: eighth); // 5 days: October, due on 5 November
            Assert.Equal(3, page.Total);
            Assert.All(page.Items, r => Assert.Equal((Latest.ToString(), 3), (r.Period, r.DaysOverdue)));

            await SetGraceAsync("30");
            Assert.Equal(0, (await ListAsync("diskominfo.jepara")).Total); // 30 days on the 23rd: September again
            using var pin = app.Clock.Pin(Today);
            await using var staff = await app.AsAsync("diskominfo.jepara");
            var scope = (await staff.Get<OverdueService>().ScopeAsync(null))!;
            Assert.Equal((30, Latest.Previous.ToString(), Latest.Previous.LastDay.AddDays(30)), (scope.GraceDays, Assert.Single(scope.Periods).Period, scope.Periods[0].Deadline));
        }
        finally
        {
            await SetGraceAsync("10");
        }
    }

    [Fact]
    public async Task A_quarterly_regency_checks_its_last_quarter()
    {
        var jombang = await RegencyIdAsync("35.17");
        await using var db = app.CreateDbContext();
        await db.Regencies.Where(r => r.Id == jombang).ExecuteUpdateAsync(s => s.SetProperty(r => r.ReportingPeriod, ReportingPeriodKind.Quarterly));
        try
        {
            var page = await ListAsync("admin", jombang);

            // No quarterly report exists: the last quarter past its grace is checked (2026-Q3 by default: ended 30 Sep, deadline 10 Oct).
            var today = Today.DateIn(IndonesianTimeZone.Wib);
            var quarter = ReportingPeriod.Containing(today, ReportingPeriodKind.Quarterly).Previous;
            quarter = quarter.IsPastGraceOn(today, 10) ? quarter : quarter.Previous;
            var days = today.DayNumber - quarter.LastDay.AddDays(10).DayNumber;
            Assert.Equal(2, page.Total);
            Assert.All(page.Items, r => Assert.Equal((quarter.ToString(), quarter.LastDay, days), (r.Period, r.PeriodEnd, r.DaysOverdue)));
            Assert.Equal(3, (await ListAsync("admin")).Items.Count(r => r.RegencyCode == "33.20"));
            // Most days overdue first, then by regency code: Jombang's quarter leads when it is longer overdue than Jepara's month.
            string[] order = days > 13 ? ["35.17", "35.17", "33.20", "33.20", "33.20"] : ["33.20", "33.20", "33.20", "35.17", "35.17"];
            Assert.Equal(order, (await ListAsync("admin")).Items.Select(r => r.RegencyCode));
        }
        finally
        {
            await db.Regencies.Where(r => r.Id == jombang).ExecuteUpdateAsync(s => s.SetProperty(r => r.ReportingPeriod, ReportingPeriodKind.Monthly));
        }
    }

    [Fact]
    public async Task Regency_users_see_only_their_own_regency_and_refusals_are_logged()
    {
        var jepara = await RegencyIdAsync("33.20");
        var jombang = await RegencyIdAsync("35.17");

        Assert.Equal(["35.17"], (await ListAsync("diskominfo.jombang")).Items.Select(r => r.RegencyCode).Distinct());
        Assert.Equal(3, (await ListAsync("penilai1", jepara)).Total);
        Assert.Equal(1, (await ListAsync("bappeda.jombang", jombang)).Total);

        var before = app.Logs.Messages().Count(m => m.StartsWith("Access refused", StringComparison.Ordinal));
        await Assert.ThrowsAsync<AccessDeniedException>(() => ListAsync("diskominfo.jombang", jepara));
        var refusal = app.Logs.Messages().Where(m => m.StartsWith("Access refused", StringComparison.Ordinal)).ToList();
        Assert.True(refusal.Count > before);
        Assert.Contains("diskominfo.jombang", refusal[^1], StringComparison.Ordinal);
        Assert.Contains($"regency {jepara}", refusal[^1], StringComparison.Ordinal);

        await Assert.ThrowsAsync<AccessDeniedException>(() => ListAsync("penilai1"));
        await using var anonymous = await app.AsAsync(null);
        await Assert.ThrowsAsync<AccessDeniedException>(() => anonymous.Get<OverdueService>().ListAsync(new OverdueQuery(jepara, null)));
    }

    [Fact]
    public async Task The_page_scope_follows_the_user()
    {
        using var pin = app.Clock.Pin(Today);
        await using var staff = await app.AsAsync("diskominfo.jepara");
        var own = (await staff.Get<OverdueService>().ScopeAsync(null))!;
        Assert.Equal(("33.20", false, false, 10), (own.RegencyCode, own.IsNational, own.NeedsRegency, own.GraceDays));
        var period = Assert.Single(own.Periods);
        Assert.Equal((Latest.ToString(), LatestEnd, LatestEnd.AddDays(10), IndonesianTimeZone.Wib), (period.Period, period.PeriodEnd, period.Deadline, Assert.Single(period.Zones)));
        await Assert.ThrowsAsync<AccessDeniedException>(() => staff.Get<OverdueService>().ScopeAsync("35.17"));
        Assert.Null(await staff.Get<OverdueService>().ScopeAsync("99.99"));

        await using var assessor = await app.AsAsync("penilai1");
        Assert.True((await assessor.Get<OverdueService>().ScopeAsync(null))!.NeedsRegency);
        Assert.Equal("Kabupaten Jombang", (await assessor.Get<OverdueService>().ScopeAsync("35.17"))!.RegencyName);

        await using var admin = await app.AsAsync("admin");
        var national = (await admin.Get<OverdueService>().ScopeAsync(null))!;
        Assert.True(national.IsNational);
        var monthly = Assert.Single(national.Periods); // every zone is past the latest month's grace on the 23rd
        Assert.Equal([IndonesianTimeZone.Wib, IndonesianTimeZone.Wita, IndonesianTimeZone.Wit], monthly.Zones);
    }

    [Fact]
    public async Task Beranda_of_a_regency_user_shows_overdue_and_returned_reports()
    {
        using var pin = app.Clock.Pin(Today);
        await using var staff = await app.AsAsync("diskominfo.jepara");
        var home = (await staff.Get<OverdueService>().HomeAsync())!;

        Assert.Equal(3, home.OverdueTotal);
        Assert.Equal(["Desa Mandiri Sampah", "Nikah Keren", "Simoncer"], home.Overdue.Select(r => r.Acronym ?? r.Name));
        Assert.Equal((Latest.ToString(), 10), (home.Checked.Period, home.GraceDays));
        var returned = Assert.Single(home.Returned);
        Assert.Equal((1, "Simoncer", Latest.ToString()), (home.ReturnedTotal, returned.Acronym, returned.Period));
        Assert.StartsWith("Daftar program CSR", returned.ReturnReason, StringComparison.Ordinal);

        await using var admin = await app.AsAsync("admin");
        Assert.Null(await admin.Get<OverdueService>().HomeAsync());
    }

    [Fact]
    public async Task The_list_costs_the_same_SQL_commands_for_10_and_500_quick_wins()
    {
        var pemalang = await RegencyIdAsync("33.27");
        await using var db = app.CreateDbContext();
        var dimension = await db.Dimensions.Select(d => d.Id).FirstAsync();
        async Task AddAsync(int count)
        {
            db.QuickWins.AddRange(Enumerable.Range(0, count).Select(i => new QuickWin
            {
                RegencyId = pemalang,
                Name = $"Uji beban {Guid.NewGuid():N}",
                DimensionId = dimension,
                StartDate = new(2026, 1, 1),
                TargetDate = new(2027, 12, 31),
                Status = QuickWinStatus.Running,
                CreatedAt = Stamp,
            }));
            await db.SaveChangesAsync();
        }

        async Task<(int Commands, int Total)> CountAsync(string user, int? regencyId)
        {
            using var pin = app.Clock.Pin(Today);
            await using var actor = await app.AsAsync(user);
            var service = actor.Get<OverdueService>();
            await service.ListAsync(new OverdueQuery(regencyId, null)); // warm-up
            app.Commands.Reset();
            var page = await service.ListAsync(new OverdueQuery(regencyId, null, Page: 2, PageSize: 5));
            return (app.Commands.Count, page.Total);
        }

        try
        {
            await AddAsync(10);
            var few = await CountAsync("diskominfo.pemalang", null);
            var fewNational = await CountAsync("admin", null);
            await AddAsync(490);
            var many = await CountAsync("diskominfo.pemalang", null);
            var manyNational = await CountAsync("admin", null);

            Assert.Equal((10, 500), (few.Total, many.Total));
            Assert.Equal((14, 504), (fewNational.Total, manyNational.Total));
            Assert.Equal(few.Commands, many.Commands);
            Assert.Equal(fewNational.Commands, manyNational.Commands);
            Assert.InRange(many.Commands, 1, 3);
            Assert.InRange(manyNational.Commands, 1, 3);
        }
        finally
        {
            await db.QuickWins.Where(q => q.RegencyId == pemalang).ExecuteDeleteAsync();
        }
    }
}
