using SmartCity.Domain.QuickWins;

namespace SmartCity.UnitTests.Domain.QuickWins;

public class QuickWinProgressTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void Of_is_zero_without_reports()
    {
        Assert.Equal(0m, QuickWinProgress.Of([]));
    }

    [Fact]
    public void Of_is_zero_without_a_verified_report()
    {
        Assert.Equal(0m, QuickWinProgress.Of(
        [
            ("2026-08", ReportState.Draft, 20m),
            ("2026-09", ReportState.Submitted, 40m),
            ("2026-10", ReportState.Returned, 60m),
        ]));
    }

    [Fact]
    public void Of_takes_the_latest_verified_period_whatever_the_list_order()
    {
        Assert.Equal(55m, QuickWinProgress.Of(
        [
            ("2026-09", ReportState.Verified, 55m),
            ("2026-07", ReportState.Verified, 30m),
            ("2025-12", ReportState.Verified, 90m),
            ("2026-08", ReportState.Verified, 40m),
        ]));
    }

    [Fact]
    public void Of_ignores_later_reports_that_are_not_verified()
    {
        Assert.Equal(40m, QuickWinProgress.Of(
        [
            ("2026-08", ReportState.Verified, 40m),
            ("2026-09", ReportState.Submitted, 70m),
            ("2026-10", ReportState.Draft, 80m),
            ("2026-11", ReportState.Returned, 100m),
        ]));
    }

    [Fact]
    public void Of_can_go_down_when_a_later_verified_report_is_lower()
    {
        Assert.Equal(35m, QuickWinProgress.Of(
        [
            ("2026-Q1", ReportState.Verified, 50m),
            ("2026-Q2", ReportState.Verified, 35m),
        ]));
    }

    [Fact]
    public void Of_orders_months_correctly_after_a_switch_to_quarters()
    {
        Assert.Equal(70m, QuickWinProgress.Of(
        [
            ("2026-05", ReportState.Verified, 50m),
            ("2026-06", ReportState.Verified, 60m),
            ("2026-Q3", ReportState.Verified, 70m),
        ]));
    }

    [Fact]
    public void Of_orders_months_correctly_after_a_switch_from_quarters()
    {
        Assert.Equal(60m, QuickWinProgress.Of(
        [
            ("2026-Q1", ReportState.Verified, 30m),
            ("2026-05", ReportState.Verified, 50m),
            ("2026-06", ReportState.Verified, 60m),
        ]));
    }

    [Fact]
    public void FromMilestones_weighs_done_milestones()
    {
        Assert.Equal(75.00m, QuickWinProgress.FromMilestones([(1m, true), (1m, false), (2m, true)]));
    }

    [Fact]
    public void FromMilestones_is_zero_without_milestones()
    {
        Assert.Equal(0m, QuickWinProgress.FromMilestones([]));
    }

    [Fact]
    public void FromMilestones_bounds()
    {
        Assert.Equal(0m, QuickWinProgress.FromMilestones([(3m, false), (1m, false)]));
        Assert.Equal(100m, QuickWinProgress.FromMilestones([(3m, true), (1m, true)]));
    }

    [Fact]
    public void FromMilestones_accepts_fractional_weights()
    {
        // 0.5 ÷ (0.5 + 1.5) = 25 %
        Assert.Equal(25.00m, QuickWinProgress.FromMilestones([(0.5m, true), (1.5m, false)]));

        // 2.5 ÷ (2.5 + 0.75 + 1.25) = 55.555… → 55.56
        Assert.Equal(55.56m, QuickWinProgress.FromMilestones([(2.5m, true), (0.75m, false), (1.25m, false)]));
    }

    [Fact]
    public void FromMilestones_rounds_to_two_decimals_half_away_from_zero()
    {
        Assert.Equal(33.33m, QuickWinProgress.FromMilestones([(1m, true), (1m, false), (1m, false)]));
        Assert.Equal(66.67m, QuickWinProgress.FromMilestones([(1m, true), (1m, true), (1m, false)]));

        // 1 ÷ 8 = 12.5 %; 1 ÷ 16 = 6.25 %; 1 ÷ 1600 = 0.0625 % → 0.06; 1 ÷ 800 = 0.125 % → 0.13
        Assert.Equal(6.25m, QuickWinProgress.FromMilestones([(1m, true), (15m, false)]));
        Assert.Equal(0.13m, QuickWinProgress.FromMilestones([(1m, true), (799m, false)]));
    }

    [Theory]
    [InlineData(QuickWinStatus.Running, -1, 50, true)]
    [InlineData(QuickWinStatus.Planned, -1, 0, true)]
    [InlineData(QuickWinStatus.Running, -1, 99.99, true)]
    [InlineData(QuickWinStatus.Running, -1, 100, false)]
    [InlineData(QuickWinStatus.Running, 0, 50, false)]
    [InlineData(QuickWinStatus.Running, 1, 50, false)]
    [InlineData(QuickWinStatus.Completed, -1, 50, false)]
    [InlineData(QuickWinStatus.Stopped, -1, 50, false)]
    [InlineData(QuickWinStatus.Stopped, -30, 0, false)]
    public void IsDelayed(QuickWinStatus status, int targetOffsetDays, double progress, bool expected)
    {
        var target = Today.AddDays(targetOffsetDays);

        Assert.Equal(expected, QuickWinProgress.IsDelayed(status, target, (decimal)progress, Today));
    }

    [Fact]
    public void MeanOf_is_zero_without_quick_wins()
    {
        Assert.Equal(0m, QuickWinProgress.MeanOf([]));
    }

    [Fact]
    public void MeanOf_is_the_mean_rounded_to_two_decimals()
    {
        Assert.Equal(50m, QuickWinProgress.MeanOf([25m, 75m]));
        Assert.Equal(18.33m, QuickWinProgress.MeanOf([10m, 20m, 25m]));
        Assert.Equal(66.67m, QuickWinProgress.MeanOf([100m, 100m, 0m]));

        // (0.01 + 0) ÷ 2 = 0.005 → 0.01
        Assert.Equal(0.01m, QuickWinProgress.MeanOf([0.01m, 0m]));
    }
}
