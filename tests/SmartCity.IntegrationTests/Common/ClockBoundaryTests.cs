using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SmartCity.Domain.Assessments;
using SmartCity.Domain.Common;
using SmartCity.IntegrationTests.Assessments;
using SmartCity.IntegrationTests.Web;
using SmartCity.Testing;
using SmartCity.Web.Data;
using SmartCity.Web.Features.Assessments;
using SmartCity.Web.Features.QuickWins;
using SmartCity.Web.Features.QuickWins.Overdue;
using static SmartCity.IntegrationTests.QuickWins.QuickWinTestData;

namespace SmartCity.IntegrationTests.Common;

/// <summary>
/// The calendar rules at their edges, with the programme clock pinned to the minute: a month ends at midnight in the regency's
/// zone, overdue begins the day after the deadline, and a round's window closes at midnight WIB for every zone.
/// </summary>
public sealed class ClockBoundaryTests(NationalApp app) : IClassFixture<NationalApp>
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_report_entered_at_23_30_WIB_on_the_last_day_of_a_month_belongs_to_that_month()
    {
        var id = await CreateFreshAsync(app, "Uji akhir bulan", start: new DateTime(2026, 6, 1));
        await using var staff = await app.AsAsync(Author);
        var reports = staff.Get<ReportService>();

        using (app.Clock.Pin(Utc(2027, 1, 31, 16, 30))) // 23:30 WIB on 31 January (already 1 February in WITA and WIT)
        {
            Assert.Equal("2027-01", (await reports.NewAsync(id)).CurrentPeriod);
            var february = await reports.SaveAsync(id, null, new ReportInput { Period = "2027-02", Percent = 10, Narrative = "Terlalu dini." });
            Assert.False(february.Succeeded); // a future period for Jepara (WIB)
            Assert.True(february.Errors.ContainsKey(nameof(ReportInput.Period)));
            var january = await reports.SaveAsync(id, null, new ReportInput { Period = "2027-01", Percent = 10, Narrative = "Laporan Januari." }, submit: true);
            Assert.True(january.Succeeded);
        }

        using (app.Clock.Pin(Utc(2027, 1, 31, 17, 0))) // midnight WIB: February has begun in Jepara
        {
            Assert.Equal("2027-02", (await reports.NewAsync(id)).CurrentPeriod);
        }
    }

    [Fact]
    public async Task Overdue_starts_on_the_first_day_after_a_periods_deadline()
    {
        var id = await CreateFreshAsync(app, "Uji tenggat", start: new DateTime(2026, 6, 1));
        using (app.Clock.Pin(Utc(2027, 1, 5, 3, 0)))
        {
            await SaveReportAsync(app, id, "2026-12", 20, submit: true); // December is reported: until January's deadline nothing is due
        }

        async Task<OverdueRow?> RowAtAsync(DateTimeOffset instant)
        {
            using var pin = app.Clock.Pin(instant);
            await using var staff = await app.AsAsync(Author);
            var page = await staff.Get<OverdueService>().ListAsync(new OverdueQuery(null, null, PageSize: 200));
            return page.Items.SingleOrDefault(r => r.QuickWinId == id);
        }

        // January 2027 ends on the 31st; with 10 grace days its deadline is 10 February (WIB).
        Assert.Null(await RowAtAsync(Utc(2027, 2, 10, 16, 59))); // 23:59 WIB on the deadline: not yet overdue
        var overdue = await RowAtAsync(Utc(2027, 2, 10, 17, 0)); // 00:00 WIB on 11 February
        Assert.NotNull(overdue);
        Assert.Equal(("2027-01", new DateOnly(2027, 1, 31), 1), (overdue.Period, overdue.PeriodEnd, overdue.DaysOverdue));
    }

    [Fact]
    public async Task A_round_that_closes_at_midnight_WIB_is_open_at_01_30_WIT_and_closed_at_02_00_WIT_for_a_WIT_regency()
    {
        const string jayapura = "91.03"; // Kabupaten Jayapura, Papua: WIT
        var userName = await EnsureRegencyUserAsync(jayapura);
        var round = await AssessmentTestData.CreateRoundAsync(app, [jayapura], ["penilai1"]);
        var regencyId = await AssessmentTestData.RegencyIdAsync(app, jayapura);
        var (criterion, dimension) = round.Cells().First();
        var cell = new ScoreCellInput { CriterionId = criterion, DimensionId = dimension, Score = 3, Text = "Perbup smart city sudah terbit." };

        // Self-assessment closes when scoring opens: at 00:00 WIB on that day, which is 02:00 WIT.
        var closes = new DateTimeOffset(round.Opens.AddDays(10).ToDateTime(TimeOnly.MinValue), IndonesianTimeZone.Wib.UtcOffset());
        await using var staff = await app.AsAsync(userName);
        var selfAssessment = staff.Get<SelfAssessmentService>();
        using (app.Clock.Pin(closes.AddMinutes(-30)))
        {
            Assert.Equal(new TimeOnly(1, 30), TimeOnly.FromDateTime(app.Clock.GetUtcNow().ToZone(IndonesianTimeZone.Wit).DateTime));
            Assert.Equal(RoundState.SelfAssessment, (await selfAssessment.GetOwnAsync(round.Id))!.Frame.State);
            Assert.True((await selfAssessment.SaveCellAsync(round.Id, regencyId, cell)).Succeeded);
        }

        using (app.Clock.Pin(closes))
        {
            Assert.Equal(new TimeOnly(2, 0), TimeOnly.FromDateTime(app.Clock.GetUtcNow().ToZone(IndonesianTimeZone.Wit).DateTime));
            Assert.Equal(RoundState.Scoring, (await selfAssessment.GetOwnAsync(round.Id))!.Frame.State);
            var late = await selfAssessment.SaveCellAsync(round.Id, regencyId, cell);
            Assert.False(late.Succeeded);
            Assert.True(late.Errors.ContainsKey(ScoreMatrixFields.State));
        }
    }

    /// <summary>A Diskominfo user of <paramref name="code"/>, created once per app.</summary>
    private async Task<string> EnsureRegencyUserAsync(string code)
    {
        var userName = $"diskominfo.{code}";
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByNameAsync(userName) is null)
        {
            var user = new ApplicationUser
            {
                UserName = userName,
                FullName = "Staf Diskominfo Uji",
                EmailConfirmed = true,
                RegencyId = await AssessmentTestData.RegencyIdAsync(app, code),
                CreatedAt = TestNow.Start,
            };
            Assert.True((await users.CreateAsync(user, "SmartCity-Uji-2026!x")).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.DiskominfoStaff)).Succeeded);
        }

        return userName;
    }
}
