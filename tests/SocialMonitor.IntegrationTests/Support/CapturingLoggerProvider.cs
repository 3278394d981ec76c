using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SocialMonitor.IntegrationTests.Support;

/// <summary>Keeps every log line written through it, so a test can look at what would have been logged.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _logs = new();

    public IReadOnlyList<CapturedLog> Logs => [.. _logs];

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _logs.Enqueue);

    public void Dispose()
    {
    }
}
