using SmartCity.Domain.Common;

namespace SmartCity.Web.Data.Seeding;

/// <summary>
/// Where the demo's recent report history ends, relative to the programme clock, so the demo looks the same in any month:
/// the monthly reports of the later quick wins run through <see cref="LatestPeriod"/>, whose exceptions (a report awaiting
/// verification, one returned, a draft, a missing one) are always the latest month. The history was written in November 2026
/// and never ends before October 2026. Historical seed facts (2018 quick wins, JOSS, masterplans, rounds) keep their dates.
/// </summary>
public static class DemoCalendar
{
    /// <summary>The earliest latest period: the history as written (late November 2026).</summary>
    public static readonly ReportingPeriod Written = new(2026, ReportingPeriodKind.Monthly, 10);

    /// <summary>
    /// The month before the current one (WIB), once the demo's reports of that month are all stamped in the past
    /// (verified on the 5th): the month two back during the first five days of a month.
    /// </summary>
    public static ReportingPeriod LatestPeriod(DateTimeOffset now)
    {
        var latest = ReportingPeriod.Containing(now.DateIn(IndonesianTimeZone.Wib).AddDays(-5), ReportingPeriodKind.Monthly).Previous;
        return latest.FirstDay < Written.FirstDay ? Written : latest;
    }
}
