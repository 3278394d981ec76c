using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace SocialMonitor.Cli;

/// <summary>One category's logger of <see cref="CliLoggerProvider"/>.</summary>
internal sealed partial class CliLogger(string category, CliLoggerProvider provider, Func<TextWriter> target) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        var message = state is IReadOnlyList<KeyValuePair<string, object?>> values ? Render(values) ?? formatter(state, exception) : formatter(state, exception);
        var line = $"{Time(TimeProvider.System.GetUtcNow())} {Level(logLevel)} {category}: {message}";
        target().WriteLine(exception is null ? line : $"{line}{Environment.NewLine}{exception}");
    }

    /// <summary>The message template with its values, a time among them in the library's time zone; null without a template.</summary>
    private string? Render(IReadOnlyList<KeyValuePair<string, object?>> values)
    {
        if (values.FirstOrDefault(v => v.Key == "{OriginalFormat}").Value is not string template)
        {
            return null;
        }
        var named = values.Where(v => v.Key != "{OriginalFormat}").ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        return Hole().Replace(template, hole => named.TryGetValue(hole.Groups[1].Value, out var value) ? Text(value, hole.Groups[2].Value) : hole.Value);
    }

    private string Text(object? value, string format) => value switch
    {
        null => "null",
        DateTimeOffset at => Time(at),
        DateTime at => Time(new DateTimeOffset(DateTime.SpecifyKind(at, at.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : at.Kind))),
        IFormattable formattable => formattable.ToString(format.Length == 0 ? null : format, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private string Time(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, provider.Zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        _ => "crit",
    };

    [GeneratedRegex(@"\{([^{}:,]+)(?:[,][^{}:]*)?(?::([^{}]*))?\}")]
    private static partial Regex Hole();
}
