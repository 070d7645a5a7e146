using SmartCity.Domain.Common;

namespace SmartCity.UnitTests.Domain.Common;

public class ReportingPeriodTests
{
    [Theory]
    [InlineData("2021-10", 2021, ReportingPeriodKind.Monthly, 10)]
    [InlineData("2021-01", 2021, ReportingPeriodKind.Monthly, 1)]
    [InlineData("2021-12", 2021, ReportingPeriodKind.Monthly, 12)]
    [InlineData("2021-Q4", 2021, ReportingPeriodKind.Quarterly, 4)]
    [InlineData("2026-Q1", 2026, ReportingPeriodKind.Quarterly, 1)]
    [InlineData("2000-06", 2000, ReportingPeriodKind.Monthly, 6)]
    [InlineData("2100-06", 2100, ReportingPeriodKind.Monthly, 6)]
    public void TryParse_accepts_months_and_quarters(string text, int year, ReportingPeriodKind kind, int number)
    {
        Assert.True(ReportingPeriod.TryParse(text, out var period));
        Assert.Equal(new ReportingPeriod(year, kind, number), period);
    }

    [Theory]
    [InlineData("2021-13")]
    [InlineData("2021-00")]
    [InlineData("2021-Q5")]
    [InlineData("2021-Q0")]
    [InlineData("2021-q4")]
    [InlineData("21-10")]
    [InlineData("2021-1")]
    [InlineData("2021-010")]
    [InlineData("2021/10")]
    [InlineData("2021-1a")]
    [InlineData("2021--1")]
    [InlineData("2021-+1")]
    [InlineData("+021-10")]
    [InlineData("1999-12")]
    [InlineData("2101-01")]
    [InlineData("2021-10 ")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_rejects_anything_else(string? text)
    {
        Assert.False(ReportingPeriod.TryParse(text, out var period));
        Assert.Equal(default, period);
    }

    [Theory]
    [InlineData("2021-10")]
    [InlineData("2021-01")]
    [InlineData("2021-Q4")]
    [InlineData("2030-Q1")]
    public void ToString_round_trips_through_TryParse(string text)
    {
        Assert.True(ReportingPeriod.TryParse(text, out var period));
        Assert.Equal(text, period.ToString());
    }

    [Fact]
    public void ToString_pads_the_month()
    {
        Assert.Equal("2024-02", new ReportingPeriod(2024, ReportingPeriodKind.Monthly, 2).ToString());
        Assert.Equal("2024-Q2", new ReportingPeriod(2024, ReportingPeriodKind.Quarterly, 2).ToString());
    }

    [Theory]
    [InlineData(2024, ReportingPeriodKind.Monthly, 2, "2024-02-01", "2024-02-29")]
    [InlineData(2023, ReportingPeriodKind.Monthly, 2, "2023-02-01", "2023-02-28")]
    [InlineData(2021, ReportingPeriodKind.Monthly, 10, "2021-10-01", "2021-10-31")]
    [InlineData(2021, ReportingPeriodKind.Monthly, 12, "2021-12-01", "2021-12-31")]
    [InlineData(2021, ReportingPeriodKind.Quarterly, 1, "2021-01-01", "2021-03-31")]
    [InlineData(2021, ReportingPeriodKind.Quarterly, 2, "2021-04-01", "2021-06-30")]
    [InlineData(2021, ReportingPeriodKind.Quarterly, 3, "2021-07-01", "2021-09-30")]
    [InlineData(2021, ReportingPeriodKind.Quarterly, 4, "2021-10-01", "2021-12-31")]
    public void FirstDay_and_LastDay(int year, ReportingPeriodKind kind, int number, string first, string last)
    {
        var period = new ReportingPeriod(year, kind, number);

        Assert.Equal(DateOnly.ParseExact(first, "yyyy-MM-dd"), period.FirstDay);
        Assert.Equal(DateOnly.ParseExact(last, "yyyy-MM-dd"), period.LastDay);
    }

    [Theory]
    [InlineData("2021-10", "2021-09")]
    [InlineData("2021-01", "2020-12")]
    [InlineData("2021-Q3", "2021-Q2")]
    [InlineData("2021-Q1", "2020-Q4")]
    public void Previous_steps_back_across_year_ends(string text, string expected)
    {
        Assert.True(ReportingPeriod.TryParse(text, out var period));
        Assert.Equal(expected, period.Previous.ToString());
    }

    [Fact]
    public void Previous_of_each_month_ends_the_day_before_the_first_day()
    {
        var period = new ReportingPeriod(2021, ReportingPeriodKind.Monthly, 12);
        for (var i = 0; i < 24; i++)
        {
            var previous = period.Previous;
            Assert.Equal(period.FirstDay.AddDays(-1), previous.LastDay);
            period = previous;
        }

        Assert.Equal("2019-12", period.ToString());
    }

    [Theory]
    [InlineData("2021-10-01", ReportingPeriodKind.Monthly, "2021-10")]
    [InlineData("2021-10-31", ReportingPeriodKind.Monthly, "2021-10")]
    [InlineData("2024-02-29", ReportingPeriodKind.Monthly, "2024-02")]
    [InlineData("2021-01-01", ReportingPeriodKind.Quarterly, "2021-Q1")]
    [InlineData("2021-03-31", ReportingPeriodKind.Quarterly, "2021-Q1")]
    [InlineData("2021-04-01", ReportingPeriodKind.Quarterly, "2021-Q2")]
    [InlineData("2021-09-30", ReportingPeriodKind.Quarterly, "2021-Q3")]
    [InlineData("2021-10-01", ReportingPeriodKind.Quarterly, "2021-Q4")]
    [InlineData("2021-12-31", ReportingPeriodKind.Quarterly, "2021-Q4")]
    public void Containing_finds_the_period_of_a_date(string date, ReportingPeriodKind kind, string expected)
    {
        var day = DateOnly.ParseExact(date, "yyyy-MM-dd");

        var period = ReportingPeriod.Containing(day, kind);

        Assert.Equal(expected, period.ToString());
        Assert.InRange(day, period.FirstDay, period.LastDay);
    }

    [Theory]
    [InlineData("2026-10", "2026-09-30", false)]
    [InlineData("2026-10", "2026-10-01", true)]
    [InlineData("2026-10", "2026-10-31", true)]
    [InlineData("2026-10", "2027-01-15", true)]
    [InlineData("2026-Q4", "2026-09-30", false)]
    [InlineData("2026-Q4", "2026-10-01", true)]
    public void IsReportableOn_from_the_first_day(string text, string today, bool expected)
    {
        Assert.True(ReportingPeriod.TryParse(text, out var period));
        Assert.Equal(expected, period.IsReportableOn(DateOnly.ParseExact(today, "yyyy-MM-dd")));
    }

    [Theory]
    [InlineData("2026-10", "2026-10-31", false)]
    [InlineData("2026-10", "2026-11-01", false)]
    [InlineData("2026-10", "2026-11-10", false)]
    [InlineData("2026-10", "2026-11-11", true)]
    [InlineData("2026-12", "2027-01-10", false)]
    [InlineData("2026-12", "2027-01-11", true)]
    [InlineData("2024-02", "2024-03-10", false)]
    [InlineData("2024-02", "2024-03-11", true)]
    [InlineData("2026-Q3", "2026-10-10", false)]
    [InlineData("2026-Q3", "2026-10-11", true)]
    public void IsPastGraceOn_with_ten_grace_days(string text, string today, bool expected)
    {
        Assert.True(ReportingPeriod.TryParse(text, out var period));
        Assert.Equal(expected, period.IsPastGraceOn(DateOnly.ParseExact(today, "yyyy-MM-dd"), 10));
    }

    [Fact]
    public void IsPastGraceOn_with_zero_grace_days_is_overdue_the_day_after_the_last_day()
    {
        var period = new ReportingPeriod(2026, ReportingPeriodKind.Monthly, 10);

        Assert.False(period.IsPastGraceOn(new DateOnly(2026, 10, 31), 0));
        Assert.True(period.IsPastGraceOn(new DateOnly(2026, 11, 1), 0));
    }
}
