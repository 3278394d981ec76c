using System.Globalization;
using SocialMonitor.Core.Items;

using SocialMonitor.Core.Policies;

namespace SocialMonitor.Core.Rules.LinkDomain;

/// <summary>
/// <c>link-domain.unapproved</c>: every link in the item's text or links must go to an allowed top-level domain
/// (.edu, .gov) or to the library's own domain or a subdomain of it. Facebook's link shim is unwrapped, the host is
/// judged after IDN mapping (user info never counts), and a link in both the text and the links is one detection.
/// </summary>
public sealed class UnapprovedLinkRule(PublicSuffixList suffixes, LinkExtractor extractor) : IRule
{
    public const string Id = "link-domain.unapproved";
    private const int MaxUnwrap = 3;

    public UnapprovedLinkRule()
        : this(PublicSuffixList.Default, LinkExtractor.Default)
    {
    }

    public string Family => "link-domain";

    public IEnumerable<Detection> Evaluate(Item item, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(context);
        var found = extractor.Extract(item.Text);
        if (found.Count == 0 && item.Links.Count == 0)
        {
            return [];
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        List<Detection>? detections = null;
        foreach (var link in found)
        {
            Judge(link.Written, link.Offset);
        }
        foreach (var link in item.Links)
        {
            Judge(link, null);
        }
        return detections ?? (IEnumerable<Detection>)[];

        void Judge(string written, int? offset)
        {
            if (Normalize(written, 0) is not var (key, host) || !seen.Add(key) || IsAllowed(host, context.Policy))
            {
                return;
            }
            var evidence = offset is { } at
                ? string.Create(CultureInfo.InvariantCulture, $"{written} at {at} -> {key}")
                : $"{written} -> {key}";
            var explanation =
                $"Links may go only to {Allowed(context.Policy)} unless the coordinator approved the destination; " +
                $"{suffixes.RegistrableDomain(host) ?? host} is not approved.";
            (detections ??= []).Add(new Detection(Id, Severities.Medium, Clauses.LinkingToExternalWebsites, evidence, key, explanation));
        }
    }

    /// <summary>
    /// The normalised target (scheme https unless http was given, lowercase ASCII host, path and query, no fragment,
    /// no trailing slash, no user info) and its host; null for what is not a web address.
    /// </summary>
    private static (string Key, string Host)? Normalize(string written, int depth)
    {
        var text = written.Trim();
        if (text.StartsWith("//", StringComparison.Ordinal))
        {
            text = "https:" + text;
        }
        else if (!text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) &&
                 !text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            if (HasOtherScheme(text))
            {
                return null;
            }
            text = "https://" + text;
        }
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Host.Length == 0 || AsciiHost(uri.Host) is not { } host)
        {
            return null;
        }
        if (depth < MaxUnwrap && host is "l.facebook.com" or "lm.facebook.com" &&
            uri.AbsolutePath.Equals("/l.php", StringComparison.OrdinalIgnoreCase) &&
            QueryValue(uri.Query, "u") is { } inner && Normalize(inner, depth + 1) is { } unwrapped)
        {
            return unwrapped;
        }

        var scheme = uri.Scheme == Uri.UriSchemeHttp ? Uri.UriSchemeHttp : Uri.UriSchemeHttps;
        var port = uri.IsDefaultPort ? "" : ":" + uri.Port.ToString(CultureInfo.InvariantCulture);
        var path = uri.AbsolutePath.TrimEnd('/');
        return ($"{scheme}://{host}{port}{path}{uri.Query}", host);
    }

    /// <summary><c>mailto:</c>, <c>tel:</c> and the like: letters and a colon not followed by a port number.</summary>
    private static bool HasOtherScheme(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || (colon + 1 < text.Length && char.IsAsciiDigit(text[colon + 1])))
        {
            return false;
        }
        foreach (var c in text.AsSpan(0, colon))
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }
        return true;
    }

    private static string? AsciiHost(string host)
    {
        host = host.TrimEnd('.');
        if (!host.AsSpan().ContainsAnyExceptInRange((char)0, (char)127))
        {
            return host.ToLowerInvariant();
        }
        try
        {
            return new IdnMapping().GetAscii(host).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string? QueryValue(string query, string name)
    {
        foreach (var range in query.AsSpan().TrimStart('?').Split('&'))
        {
            var pair = query.AsSpan().TrimStart('?')[range];
            var equals = pair.IndexOf('=');
            if (equals > 0 && pair[..equals].Equals(name, StringComparison.Ordinal))
            {
                return Uri.UnescapeDataString(pair[(equals + 1)..].ToString().Replace('+', ' '));
            }
        }
        return null;
    }

    private static bool IsAllowed(string host, Policy policy)
    {
        var tld = host.AsSpan(host.LastIndexOf('.') + 1);
        foreach (var allowed in policy.AllowedTopLevelDomains)
        {
            if (tld.Equals(allowed.AsSpan().TrimStart('.'), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        foreach (var own in policy.OwnDomains)
        {
            if (host.EndsWith(own, StringComparison.OrdinalIgnoreCase) &&
                (host.Length == own.Length || host[host.Length - own.Length - 1] == '.'))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>".edu, .gov or communitylibrary.net".</summary>
    private static string Allowed(Policy policy)
    {
        string[] names = [.. policy.AllowedTopLevelDomains.Select(t => "." + t.TrimStart('.')), .. policy.OwnDomains];
        return names.Length switch
        {
            0 => "approved destinations",
            1 => names[0],
            _ => string.Join(", ", names[..^1]) + " or " + names[^1],
        };
    }
}
