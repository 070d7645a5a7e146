using System.Globalization;
using System.Runtime.CompilerServices;
using SmartCity.Domain.Common;

namespace SmartCity.Web.Common;

/// <summary>
/// The programme clock: the one source of business time. "Today" of a regency, the current and overdue reporting periods,
/// round windows, masterplan horizons, due-this-month reminders, the demo data, and every instant the portal stores on a
/// record (created, submitted, verified, last used, audit rows) all read it, so records agree with the calendar they belong to.
/// <para>
/// Browser- and security-facing time is NOT on this clock: cookie and antiforgery expiry, Identity's lockout windows and token
/// lifetimes, data-protection key lifetimes and timers use the plain <see cref="TimeProvider"/> service, which is always
/// <see cref="TimeProvider.System"/>, because the browser judges cookies by its own wall clock.
/// </para>
/// <para>
/// In production the programme clock is the system clock. Tests start it at another instant with the test-only setting
/// <see cref="TestStartSetting"/>; it then ticks in real time from that instant (timers keep running), and the app refuses to
/// start in Production when the setting is present.
/// </para>
/// </summary>
public sealed class ProgrammeClock : TimeProvider
{
    /// <summary>Test-only setting: the ISO-8601 instant the programme clock starts at. Refused in Production.</summary>
    public const string TestStartSetting = "Testing:ProgrammeNow";

    private readonly TimeProvider _source;
    private readonly TimeSpan _offset;
    private volatile StrongBox<DateTimeOffset>? _pinned;

    /// <summary>A programme clock on <paramref name="source"/>, starting at <paramref name="startsAt"/> when given.</summary>
    public ProgrammeClock(TimeProvider source, DateTimeOffset? startsAt = null)
    {
        _source = source;
        _offset = startsAt is { } start ? start - source.GetUtcNow() : TimeSpan.Zero;
    }

    /// <summary>The system clock, or the test start instant of <see cref="TestStartSetting"/> outside Production.</summary>
    public static ProgrammeClock FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        var setting = configuration[TestStartSetting];
        if (string.IsNullOrWhiteSpace(setting))
        {
            return new ProgrammeClock(System);
        }

        if (environment.IsProduction())
        {
            throw new InvalidOperationException($"{TestStartSetting} moves the programme clock and is for tests only; remove it in Production.");
        }

        if (!DateTimeOffset.TryParse(setting, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var start))
        {
            throw new InvalidOperationException($"{TestStartSetting} '{setting}' is not an ISO-8601 instant.");
        }

        return new ProgrammeClock(System, start);
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _pinned?.Value ?? _source.GetUtcNow() + _offset;

    /// <summary>Business instants are UTC; zones are applied explicitly (WIB/WITA/WIT), never the server's zone.</summary>
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Today's calendar date in a regency's zone (national deadlines: <see cref="IndonesianTimeZone.Wib"/>).</summary>
    public DateOnly Today(IndonesianTimeZone zone) => GetUtcNow().DateIn(zone);

    /// <summary>
    /// Tests only (the assemblies that see internals): freezes the clock at <paramref name="instant"/> until the scope is disposed.
    /// Nothing in the app calls it, and no setting reaches it.
    /// </summary>
    internal IDisposable Pin(DateTimeOffset instant)
    {
        _pinned = new StrongBox<DateTimeOffset>(instant.ToUniversalTime());
        return new Unpin(this);
    }

    private sealed class Unpin(ProgrammeClock clock) : IDisposable
    {
        public void Dispose() => clock._pinned = null;
    }
}
