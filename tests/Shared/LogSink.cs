using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace SmartCity.Testing;

/// <summary>Collects the app's log events so tests can prove what was logged (refusals, errors).</summary>
public sealed class LogSink : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => [.. _events];

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    public IEnumerable<string> Messages(LogEventLevel minimum = LogEventLevel.Warning) =>
        Events.Where(e => e.Level >= minimum).Select(e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture));
}
