using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace SocialMonitor.Core.Platforms;

/// <summary>
/// Strips secrets from text before it is logged, stored or thrown. It knows OAuth 2.0's own parameter names
/// (RFC 6749/6750: <c>access_token</c>, <c>refresh_token</c>, <c>id_token</c>, <c>client_secret</c>, <c>code</c>), bearer
/// credentials (<c>Bearer …</c>), and every parameter a platform client declared in its <see cref="PlatformSecrets"/>;
/// no platform's names are written here.
/// </summary>
public static partial class UrlScrubber
{
    public const string Mask = "***";

    private static readonly string[] s_oauth = ["access_token", "refresh_token", "id_token", "client_secret", "code"];
    private static readonly Lock s_declaring = new();
    private static ImmutableHashSet<string> s_declared = ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, s_oauth);
    private static Regex s_pattern = ParameterPattern(s_oauth);

    [GeneratedRegex(@"(?<=\bBearer\s+)[A-Za-z0-9\-._~+/]+=*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BearerCredential();

    /// <summary>The text with every known secret parameter's value and every bearer credential replaced by <c>***</c>.</summary>
    public static string Scrub(string text) => BearerCredential().Replace(Volatile.Read(ref s_pattern).Replace(text, Mask), Mask);

    /// <summary>Adds a client's secret parameters to what <see cref="Scrub"/> knows (called by <see cref="PlatformSecrets"/>); repeating a name is harmless.</summary>
    internal static void Declare(IEnumerable<string> parameters)
    {
        lock (s_declaring)
        {
            s_declared = s_declared.Union(parameters);
            Volatile.Write(ref s_pattern, ParameterPattern(s_declared.Order(StringComparer.OrdinalIgnoreCase)));
        }
    }

    /// <summary>A pattern matching the value of any of <paramref name="names"/> in a query string (<c>?name=value</c> or <c>&amp;name=value</c>), up to the next separator or backslash.</summary>
    internal static Regex ParameterPattern(IEnumerable<string> names)
    {
        var alternatives = string.Join('|', names.Where(n => !string.IsNullOrWhiteSpace(n)).Select(Regex.Escape));
        return alternatives.Length == 0
            ? new Regex("(?!)", RegexOptions.CultureInvariant) // No parameter declared: nothing to match.
            // A body that holds a URL as a JSON string may write '&' as \u0026 (and '?' as \u003f): those count as separators too.
            : new Regex($@"(?<=(?:[?&]|\\u0026|\\u003f)(?:{alternatives})=)[^&#\s""'\\]*",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);
    }

    internal static string RedactValue(string text, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return text;
        }
        text = text.Replace(value, Mask, StringComparison.Ordinal);
        var escaped = Uri.EscapeDataString(value);
        return escaped == value ? text : text.Replace(escaped, Mask, StringComparison.Ordinal);
    }
}
