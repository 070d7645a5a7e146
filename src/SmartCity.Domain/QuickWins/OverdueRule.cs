using SmartCity.Domain.Common;

namespace SmartCity.Domain.QuickWins;

/// <summary>The period an overdue check looks at for one kind of period in one time zone, on one day.</summary>
/// <param name="Period">The last period whose grace has passed.</param>
/// <param name="Today">Today's date in the regency's zone.</param>
/// <param name="Deadline">The last day a report for <paramref name="Period"/> was on time (its last day + the grace days).</param>
/// <param name="DaysOverdue">Days since the deadline (at least 1).</param>
public sealed record OverdueCheck(ReportingPeriod Period, DateOnly Today, DateOnly Deadline, int DaysOverdue);

/// <summary>
/// DOMAIN.md, "Rules decided for the portal": a period is overdue when it ended more than the grace days ago in the
/// regency's time zone without a submitted or verified report. The period checked is the last one whose grace has passed.
/// </summary>
public static class OverdueRule
{
    /// <summary>The default grace when the setting is missing or unreadable.</summary>
    public const int DefaultGraceDays = 10;

    /// <summary>The last period of <paramref name="kind"/> whose grace has passed at <paramref name="now"/> in <paramref name="zone"/>.</summary>
    public static OverdueCheck Check(DateTimeOffset now, IndonesianTimeZone zone, ReportingPeriodKind kind, int graceDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(graceDays);
        var today = now.DateIn(zone);
        // LastDay + grace < today  ⇔  LastDay < today − grace: the period before the one containing (today − grace).
        var period = ReportingPeriod.Containing(today.AddDays(-graceDays), kind).Previous;
        var deadline = period.LastDay.AddDays(graceDays);
        return new OverdueCheck(period, today, deadline, today.DayNumber - deadline.DayNumber);
    }
}
