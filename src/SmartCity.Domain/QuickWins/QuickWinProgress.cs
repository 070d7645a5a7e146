using SmartCity.Domain.Common;

namespace SmartCity.Domain.QuickWins;

/// <summary>The one definition of quick-win progress (DOMAIN.md, "Rules decided for the portal").</summary>
public static class QuickWinProgress
{
    /// <summary>
    /// Progress = the percent of the latest verified report, 0 before any. "Latest" is by the period's end, then its start,
    /// so months and quarters compare correctly when a regency switches between them.
    /// </summary>
    public static decimal Of(IEnumerable<(string Period, ReportState State, decimal Percent)> reports) =>
        reports.Where(r => r.State == ReportState.Verified)
            .Select(r => (Period: ReportingPeriod.TryParse(r.Period, out var p) ? p : throw new ArgumentException($"Bad period '{r.Period}'.", nameof(reports)), r.Percent))
            .OrderByDescending(r => r.Period.LastDay).ThenByDescending(r => r.Period.FirstDay)
            .Select(r => r.Percent)
            .FirstOrDefault();

    /// <summary>Σ weights of done milestones ÷ Σ all weights, as a percent with two decimals; 0 without milestones.</summary>
    public static decimal FromMilestones(IEnumerable<(decimal Weight, bool Done)> milestones)
    {
        decimal total = 0, done = 0;
        foreach (var (weight, isDone) in milestones)
        {
            total += weight;
            done += isDone ? weight : 0;
        }

        return total <= 0 ? 0 : Math.Round(done * 100 / total, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>Delayed is derived: past the target date and below 100 %, and neither completed nor stopped.</summary>
    public static bool IsDelayed(QuickWinStatus status, DateOnly targetDate, decimal progress, DateOnly today) =>
        status is QuickWinStatus.Planned or QuickWinStatus.Running && targetDate < today && progress < 100;

    /// <summary>A dimension's progress is the mean progress of its active quick wins (0 when none).</summary>
    public static decimal MeanOf(IEnumerable<decimal> progresses)
    {
        var list = progresses.ToList();
        return list.Count == 0 ? 0 : Math.Round(list.Average(), 2, MidpointRounding.AwayFromZero);
    }
}
