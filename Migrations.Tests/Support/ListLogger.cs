using Microsoft.Extensions.Logging;

namespace Migrations.Tests.Support;

/// <summary>Keeps every log line, to check what the runner tells its users.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    public List<(LogLevel Level, EventId Event, string Message)> Lines { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Lines)
        {
            Lines.Add((logLevel, eventId, formatter(state, exception)));
        }
    }
}
