using Microsoft.Extensions.Logging;

namespace SocialMonitor.IntegrationTests.Support;

/// <summary>One log line: the rendered message, the template's values and the exception, if any.</summary>
public sealed record CapturedLog(
    string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyList<KeyValuePair<string, object?>> Values, Exception? Exception)
{
    /// <summary>Everything a log sink could write: the message, each value and the exception.</summary>
    public string Everything =>
        string.Join('\n', Values.Select(v => $"{v.Key}={v.Value}").Prepend(Message).Append(Exception?.ToString() ?? ""));
}
