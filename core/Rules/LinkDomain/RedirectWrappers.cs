namespace SocialMonitor.Core.Rules.LinkDomain;

/// <summary>
/// Redirect wrappers: pages of platforms and mail services that only send the reader on to a URL carried in one
/// query parameter (Facebook's <c>l.php</c> link shim, YouTube's <c>/redirect</c>, Google's <c>/url</c>, LinkedIn's
/// <c>/redir/redirect</c>, Instagram's <c>l.instagram.com</c>, Outlook Safe Links and the like). A link through one is
/// judged by its target; a wrapper without a usable target is judged as the wrapper's own site.
/// </summary>
public static class RedirectWrappers
{
    private static readonly (Func<string, bool> Host, string Path, string[] Parameters)[] _wrappers =
    [
        (h => h is "l.facebook.com" or "lm.facebook.com" or "m.facebook.com" or "www.facebook.com" or "facebook.com" or "l.messenger.com", "/l.php", ["u"]),
        (h => h is "www.facebook.com" or "facebook.com" or "m.facebook.com", "/flx/warn", ["u"]),
        (h => h is "l.instagram.com", "", ["u"]),
        (h => h is "www.youtube.com" or "youtube.com" or "m.youtube.com", "/redirect", ["q"]),
        (IsGoogle, "/url", ["q", "url"]),
        (h => h is "www.linkedin.com" or "linkedin.com", "/redir/redirect", ["url"]),
        (h => h is "www.linkedin.com" or "linkedin.com", "/redir/general-malware-page", ["url"]),
        (h => h.EndsWith(".safelinks.protection.outlook.com", StringComparison.Ordinal), "", ["url"]),
        (h => h is "slack-redir.net", "/link", ["url"]),
        (h => h is "out.reddit.com", "*", ["url"]),
        (h => h is "t.umblr.com", "/redirect", ["z"]),
        (h => h is "steamcommunity.com", "/linkfilter", ["url", "u"]),
        (h => h is "vk.com" or "m.vk.com", "/away.php", ["to"]),
        (h => h is "duckduckgo.com", "/l", ["uddg"]),
    ];

    /// <summary>The URL a wrapper sends the reader to, as carried in its query; null when <paramref name="address"/> is no wrapper or carries none.</summary>
    public static string? Target(WebAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.Query.Length == 0)
        {
            return null;
        }
        var path = address.Path.TrimEnd('/');
        foreach (var wrapper in _wrappers)
        {
            if ((wrapper.Path == "*" || path.Equals(wrapper.Path, StringComparison.OrdinalIgnoreCase)) && wrapper.Host(address.Host))
            {
                foreach (var parameter in wrapper.Parameters)
                {
                    if (address.QueryValue(parameter) is { Length: > 0 } target)
                    {
                        return target;
                    }
                }
                return null;
            }
        }
        return null;
    }

    /// <summary>
    /// <c>google.com</c>, <c>www.google.co.uk</c> and Google's other country domains; never <c>google.</c> under a suffix
    /// where anyone can register (<c>google.evil.com</c>, <c>google.blogspot.com</c>).
    /// </summary>
    private static bool IsGoogle(string host)
    {
        var name = host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
        if (!name.StartsWith("google.", StringComparison.Ordinal))
        {
            return false;
        }
        var suffix = name["google.".Length..];
        var labels = suffix.Split('.');
        return suffix == "com" ||
            (labels.Length == 1 && labels[0].Length == 2) ||
            (labels.Length == 2 && labels[0] is "co" or "com" && labels[1].Length == 2);
    }
}
