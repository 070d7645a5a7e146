namespace SmartCity.Testing;

/// <summary>
/// The app's <see cref="TimeProvider"/> in tests: the system clock until a test pins "now" (and back after unpinning).
/// Only <see cref="GetUtcNow"/> moves; timers and timestamps stay on the system clock, so cookies, circuits and retries behave.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset? _pinned;

    public override DateTimeOffset GetUtcNow() => _pinned ?? TimeProvider.System.GetUtcNow();

    /// <summary>Pins "now" until the returned scope is disposed.</summary>
    public IDisposable Pin(DateTimeOffset now)
    {
        _pinned = now.ToUniversalTime();
        return new Unpin(this);
    }

    private sealed class Unpin(TestClock clock) : IDisposable
    {
        public void Dispose() => clock._pinned = null;
    }
}
