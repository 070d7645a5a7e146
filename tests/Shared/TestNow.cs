using System.Globalization;
using SmartCity.Domain.Common;
using SmartCity.Web.Common;
using SmartCity.Web.Data.Seeding;

namespace SmartCity.Testing;

/// <summary>
/// The instant the whole suite runs at: <c>SMARTCITY_TEST_NOW</c> (an ISO-8601 instant) when set, otherwise a fixed default
/// written here, never the wall clock, so a run today and a run next year see the same calendar. Every app a test starts gets
/// it through <see cref="ProgrammeClock.TestStartSetting"/> and ticks in real time from it; tests that need a frozen instant
/// pin one (<see cref="ProgrammeClock.Pin"/>).
/// </summary>
public static class TestNow
{
    public const string Variable = "SMARTCITY_TEST_NOW";

    /// <summary>The default: Monday 23 Nov 2026, 10:00 WIB, the late-November day the demo data was written for.</summary>
    public static readonly DateTimeOffset Default = new(2026, 11, 23, 3, 0, 0, TimeSpan.Zero);

    /// <summary>Where the suite's programme clocks start.</summary>
    public static DateTimeOffset Start { get; } = Read();

    /// <summary>The demo data's latest report month in this run (<see cref="DemoCalendar.LatestPeriod"/> of <see cref="Start"/>; 2026-10 by default).</summary>
    public static ReportingPeriod DemoLatest => DemoCalendar.LatestPeriod(Start);

    /// <summary>
    /// The day the demo's overdue list was written for, in this run: the 23rd day after <see cref="DemoLatest"/> ends, 10:00 WIB
    /// (23 Nov 2026 by default), when every zone is past the latest month's 10 grace days.
    /// </summary>
    public static DateTimeOffset DemoDay => WibAt(DemoLatest.LastDay.AddDays(23), 10);

    /// <summary>An instant given as a WIB calendar day and hour (minutes optional).</summary>
    public static DateTimeOffset WibAt(DateOnly day, int hour, int minute = 0) =>
        new(day.ToDateTime(new TimeOnly(hour, minute)), IndonesianTimeZone.Wib.UtcOffset());

    /// <summary>A programme clock for code a test builds by hand: starts at <see cref="Start"/> and ticks.</summary>
    public static ProgrammeClock NewClock() => new(TimeProvider.System, Start);

    /// <summary>The value of <see cref="ProgrammeClock.TestStartSetting"/> for an app under test.</summary>
    public static string Setting => Start.ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Read()
    {
        var text = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return Default;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var start)
            ? start
            : throw new InvalidOperationException($"{Variable}='{text}' is not an ISO-8601 instant.");
    }
}
