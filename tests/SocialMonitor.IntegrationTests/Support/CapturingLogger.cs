using Microsoft.Extensions.Logging;

namespace SocialMonitor.IntegrationTests.Support;

public sealed class CapturingLogger(string category, Action<CapturedLog> write) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
        write(new CapturedLog(category, logLevel, eventId, formatter(state, exception), values, exception));
    }
}
