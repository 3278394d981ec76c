using System.Text.RegularExpressions;

namespace SocialMonitor.Core.Platforms;

/// <summary>Strips secrets from URLs and text before they are logged, stored or thrown.</summary>
public static partial class UrlScrubber
{
    [GeneratedRegex(@"(?<=[?&](access_token|input_token|appsecret_proof|client_secret|code)=)[^&#\s""']*", RegexOptions.IgnoreCase)]
    private static partial Regex SecretParameter();

    public static string Scrub(string text) => SecretParameter().Replace(text, "***");

    /// <summary>Scrubs secret query parameters and, for good measure, every literal or URL-escaped occurrence of <paramref name="token"/>.</summary>
    public static string Redact(string text, string token)
    {
        var scrubbed = Scrub(text);
        if (string.IsNullOrEmpty(token))
        {
            return scrubbed;
        }
        scrubbed = scrubbed.Replace(token, "***", StringComparison.Ordinal);
        var escaped = Uri.EscapeDataString(token);
        return escaped == token ? scrubbed : scrubbed.Replace(escaped, "***", StringComparison.Ordinal);
    }
}
