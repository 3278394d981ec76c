using System.Text.RegularExpressions;

namespace SocialMonitor.Core.Platforms;

/// <summary>Strips secrets from URLs and text before they are logged, stored or thrown.</summary>
public static partial class UrlScrubber
{
    [GeneratedRegex(@"(?<=[?&](access_token|input_token|appsecret_proof|client_secret|code)=)[^&#\s""']*", RegexOptions.IgnoreCase)]
    private static partial Regex SecretParameter();

    public static string Scrub(string text) => SecretParameter().Replace(text, "***");
}
