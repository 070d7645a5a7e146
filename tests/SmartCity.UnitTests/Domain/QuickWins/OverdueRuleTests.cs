using SmartCity.Domain.Common;
using SmartCity.Domain.QuickWins;

namespace SmartCity.UnitTests.Domain.QuickWins;

public class OverdueRuleTests
{
    private static DateTimeOffset Wib(int year, int month, int day, int hour = 10, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(7));

    [Theory]
    [InlineData(2026, 11, 23, 10, "2026-10", 13)]
    [InlineData(2026, 11, 5, 10, "2026-09", 26)]
    [InlineData(2026, 11, 23, 30, "2026-09", 24)]
    [InlineData(2026, 11, 23, 0, "2026-10", 23)]
    [InlineData(2026, 1, 15, 10, "2025-12", 5)]
    [InlineData(2026, 1, 5, 10, "2025-11", 26)]
    [InlineData(2026, 3, 11, 10, "2026-02", 1)]
    public void Monthly_the_last_period_past_its_grace_is_checked(int year, int month, int day, int grace, string expected, int daysOverdue)
    {
        var check = OverdueRule.Check(Wib(year, month, day), IndonesianTimeZone.Wib, ReportingPeriodKind.Monthly, grace);

        Assert.Equal(expected, check.Period.ToString());
        Assert.Equal(daysOverdue, check.DaysOverdue);
        Assert.True(check.Period.IsPastGraceOn(check.Today, grace));
        Assert.False(check.Period.Next().IsPastGraceOn(check.Today, grace));
    }

    [Theory]
    [InlineData(2026, 11, 23, 10, "2026-Q3", 44)]
    [InlineData(2026, 10, 10, 10, "2026-Q2", 92)]
    [InlineData(2026, 10, 11, 10, "2026-Q3", 1)]
    [InlineData(2026, 1, 20, 10, "2025-Q4", 10)]
    [InlineData(2026, 1, 10, 10, "2025-Q3", 92)]
    public void Quarterly_the_last_quarter_past_its_grace_is_checked(int year, int month, int day, int grace, string expected, int daysOverdue)
    {
        var check = OverdueRule.Check(Wib(year, month, day), IndonesianTimeZone.Wib, ReportingPeriodKind.Quarterly, grace);

        Assert.Equal(expected, check.Period.ToString());
        Assert.Equal(daysOverdue, check.DaysOverdue);
    }

    [Fact]
    public void On_the_grace_boundary_day_the_period_is_not_yet_overdue_and_the_next_day_it_is()
    {
        // October ends on the 31st; with 10 grace days a report is on time through 10 November.
        var lastGraceDay = OverdueRule.Check(Wib(2026, 11, 10, 23, 59), IndonesianTimeZone.Wib, ReportingPeriodKind.Monthly, 10);
        var dayAfter = OverdueRule.Check(Wib(2026, 11, 11, 0, 0), IndonesianTimeZone.Wib, ReportingPeriodKind.Monthly, 10);

        Assert.Equal("2026-09", lastGraceDay.Period.ToString());
        Assert.Equal(("2026-10", new DateOnly(2026, 11, 10), 1), (dayAfter.Period.ToString(), dayAfter.Deadline, dayAfter.DaysOverdue));
    }

    [Fact]
    public void The_regency_time_zone_decides_the_day()
    {
        // 14:30 UTC is 23:30 WIT, 22:30 WITA, 21:30 WIB on 10 November, the last day of October's grace;
        // 15:30 UTC is 00:30 WIT on the 11th while WITA and WIB are still on the 10th.
        var lastMinuteWit = new DateTimeOffset(2026, 11, 10, 14, 30, 0, TimeSpan.Zero);
        var justAfterMidnightWit = new DateTimeOffset(2026, 11, 10, 15, 30, 0, TimeSpan.Zero);

        Assert.Equal("2026-09", OverdueRule.Check(lastMinuteWit, IndonesianTimeZone.Wit, ReportingPeriodKind.Monthly, 10).Period.ToString());
        Assert.Equal("2026-10", OverdueRule.Check(justAfterMidnightWit, IndonesianTimeZone.Wit, ReportingPeriodKind.Monthly, 10).Period.ToString());
        Assert.Equal("2026-09", OverdueRule.Check(justAfterMidnightWit, IndonesianTimeZone.Wita, ReportingPeriodKind.Monthly, 10).Period.ToString());
        Assert.Equal("2026-09", OverdueRule.Check(justAfterMidnightWit, IndonesianTimeZone.Wib, ReportingPeriodKind.Monthly, 10).Period.ToString());
        Assert.Equal(new DateOnly(2026, 11, 10), OverdueRule.Check(justAfterMidnightWit, IndonesianTimeZone.Wib, ReportingPeriodKind.Monthly, 10).Today);
    }

    [Fact]
    public void At_23_30_WIT_on_the_last_day_of_a_month_that_month_has_not_ended_anywhere_in_Indonesia()
    {
        var instant = new DateTimeOffset(2026, 10, 31, 23, 30, 0, TimeSpan.FromHours(9));

        Assert.Equal(new DateOnly(2026, 10, 31), instant.DateIn(IndonesianTimeZone.Wit));
        Assert.Equal("2026-09", OverdueRule.Check(instant, IndonesianTimeZone.Wit, ReportingPeriodKind.Monthly, 0).Period.ToString());
        Assert.Equal("2026-10", OverdueRule.Check(instant.AddHours(1), IndonesianTimeZone.Wit, ReportingPeriodKind.Monthly, 0).Period.ToString());
        Assert.Equal("2026-09", OverdueRule.Check(instant.AddHours(1), IndonesianTimeZone.Wib, ReportingPeriodKind.Monthly, 0).Period.ToString());
    }

    [Fact]
    public void Negative_grace_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => OverdueRule.Check(Wib(2026, 11, 23), IndonesianTimeZone.Wib, ReportingPeriodKind.Monthly, -1));
}

internal static class ReportingPeriodTestExtensions
{
    public static ReportingPeriod Next(this ReportingPeriod period) =>
        ReportingPeriod.Containing(period.LastDay.AddDays(1), period.Kind);
}
