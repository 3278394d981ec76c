using System.Text.Json;
using System.Text.RegularExpressions;

namespace SocialMonitor.Core.Items;

/// <summary>
/// A <see cref="JsonException"/> in words for a person: "at line L, position P: reason" (counted from 1),
/// without the parser's internals (<c>LineNumber: 0 | BytePositionInLine: 1</c>, .NET type names).
/// </summary>
public static partial class JsonErrorText
{
    public static string Describe(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var reason = exception.Message;
        foreach (var internals in new[] { " Path:", " LineNumber:" })
        {
            var cut = reason.IndexOf(internals, StringComparison.Ordinal);
            if (cut >= 0)
            {
                reason = reason[..cut];
            }
        }
        reason = reason.Trim().TrimEnd('.');
        if (Unmapped().Match(reason) is { Success: true } unmapped)
        {
            reason = $"'{unmapped.Groups[1].Value}' is not a known field";
        }
        else if (Conversion().IsMatch(reason))
        {
            reason = "a value has the wrong type (a string, a number, true/false, an object or an array where another is expected)";
        }
        return exception.LineNumber is { } line
            ? $"at line {line + 1}, position {(exception.BytePositionInLine ?? 0) + 1}: {reason}"
            : $"at {exception.Path ?? "$"}: {reason}";
    }

    [GeneratedRegex("^The JSON property '(.*)' could not be mapped to any \\.NET member")]
    private static partial Regex Unmapped();

    [GeneratedRegex("^The JSON value could not be converted to ")]
    private static partial Regex Conversion();
}
