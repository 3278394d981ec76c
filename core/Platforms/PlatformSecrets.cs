using System.Text.RegularExpressions;

namespace SocialMonitor.Core.Platforms;

/// <summary>
/// What a platform client declares secret: the query parameters that carry a token, key or proof (Facebook
/// <c>access_token</c>, <c>appsecret_proof</c>, <c>input_token</c>; YouTube <c>key</c>) and the request headers that do
/// (<c>Authorization: Bearer …</c>). <see cref="PlatformHttp"/> scrubs them from every URL, log line, exception and
/// archived answer; declaring a set also adds its parameters to <see cref="UrlScrubber.Scrub"/>, the last line of
/// defence for text that leaves the platform path (failed attempts, emails).
/// </summary>
public sealed class PlatformSecrets
{
    private readonly Regex _parameters;

    public PlatformSecrets(IReadOnlyList<string> parameters, IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(headers);
        Parameters = parameters;
        Headers = headers;
        _parameters = UrlScrubber.ParameterPattern(parameters);
        UrlScrubber.Declare(parameters);
    }

    /// <summary>Query parameter names whose values are secret (matched case-insensitively).</summary>
    public IReadOnlyList<string> Parameters { get; }

    /// <summary>Request header names whose values are secret; their values are redacted wherever they are echoed.</summary>
    public IReadOnlyList<string> Headers { get; }

    /// <summary>The text with the value of every declared parameter (and of every parameter <see cref="UrlScrubber"/> knows) replaced by <c>***</c>.</summary>
    public string Scrub(string text) => UrlScrubber.Scrub(_parameters.Replace(text, UrlScrubber.Mask));

    /// <summary>
    /// <see cref="Scrub"/>, then every literal or URL-escaped occurrence of each <paramref name="values"/> (the session's
    /// token, the values of the declared headers) removed too, wherever it appears (a body that echoes the request).
    /// </summary>
    public string Redact(string text, params IEnumerable<string?> values)
    {
        var scrubbed = Scrub(text);
        foreach (var value in values)
        {
            scrubbed = UrlScrubber.RedactValue(scrubbed, value);
        }
        return scrubbed;
    }
}
