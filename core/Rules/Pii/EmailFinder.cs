using System.Buffers;
using System.Text.RegularExpressions;

namespace SocialMonitor.Core.Rules.Pii;

/// <summary>
/// Email addresses, also written out to dodge filters (<c>kathy dot r at gmail dot com</c>, <c>d.nguyen (at)
/// protonmail.com</c>, <c>jane.doe at gmail.com</c>: a plain " at " only before a mail provider, so "tickets at
/// eventbrite.com" is a website); not the library's published addresses or any address on its published domains.
/// </summary>
internal static partial class EmailFinder
{
    private static readonly HashSet<string> s_mailProviders = new(StringComparer.Ordinal)
    {
        "gmail", "googlemail", "yahoo", "hotmail", "outlook", "live", "msn", "aol", "icloud", "me", "mac", "protonmail", "proton",
        "comcast", "att", "verizon", "frontier", "ymail", "gmx", "fastmail", "zoho",
    };

    /// <summary>The mail providers' names long enough to look for in a text before the written-out pattern runs.</summary>
    private static readonly SearchValues<string> s_providerNames = SearchValues.Create(
        [.. s_mailProviders.Where(p => p.Length >= 4)], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<char> s_letters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

    public static void Find(string text, PublishedContactIndex published, ref List<PiiMatch>? found)
    {
        for (var at = text.IndexOf('@', StringComparison.Ordinal); at >= 0; at = text.IndexOf('@', at + 1))
        {
            var start = at;
            while (start > 0 && IsLocal(text[start - 1]))
            {
                start--;
            }
            var end = at + 1;
            while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] is '.' or '-'))
            {
                end++;
            }
            var local = text[start..at].Trim('.');
            var domain = text[(at + 1)..end].TrimEnd('.', '-');
            if (local.Length > 0 && IsDomain(domain) && !published.IsPublishedEmail(local, domain))
            {
                (found ??= []).Add(new PiiMatch(PiiKind.Email, start, at + 1 + domain.Length, PiiMasks.Email(local, domain)));
            }
        }
        var dotWrittenOut = text.Contains(" dot ", StringComparison.OrdinalIgnoreCase) || text.Contains("(at)", StringComparison.OrdinalIgnoreCase) ||
            text.Contains("[at]", StringComparison.OrdinalIgnoreCase);
        if (dotWrittenOut || (text.Contains(" at ", StringComparison.OrdinalIgnoreCase) && text.AsSpan().ContainsAny(s_providerNames)))
        {
            foreach (Match match in WrittenOut().Matches(text))
            {
                var local = Dots().Replace(match.Groups["local"].Value, ".");
                var domain = Dots().Replace(match.Groups["domain"].Value, ".");
                // "jane.doe at gmail.com" is an address; "tickets at eventbrite.com" is a website: a plain " at " counts
                // only before a mail provider's domain.
                var plainAt = !dotWrittenOut && !match.Value.Contains("(at)", StringComparison.OrdinalIgnoreCase) && !match.Value.Contains("[at]", StringComparison.OrdinalIgnoreCase);
                if ((!plainAt || IsMailProvider(domain)) && !published.IsPublishedEmail(local, domain))
                {
                    (found ??= []).Add(new PiiMatch(PiiKind.Email, match.Index, match.Index + match.Length, PiiMasks.Email(local, domain)));
                }
            }
        }
    }

    private static bool IsMailProvider(string domain) =>
        s_mailProviders.Contains(domain.ToLowerInvariant().Split('.')[0]);

    private static bool IsLocal(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '%' or '+' or '-';

    private static bool IsDomain(string domain)
    {
        var dot = domain.LastIndexOf('.');
        return dot > 0 && domain.Length - dot - 1 >= 2 && !domain.AsSpan(dot + 1).ContainsAnyExcept(s_letters);
    }

    [GeneratedRegex(
        @"(?<![\w.])(?<local>[a-z0-9][a-z0-9._+-]*(?:\s(?:dot|\(dot\)|\[dot\])\s[a-z0-9]+)*)\s?(?:\(at\)|\[at\]|\sat\s)\s?" +
        @"(?<domain>[a-z0-9-]+(?:(?:\.|\s?\(dot\)\s?|\s?\[dot\]\s?|\sdot\s)[a-z0-9-]+)*?(?:\.|\s?\(dot\)\s?|\s?\[dot\]\s?|\sdot\s)(?:com|net|org|edu|gov|us|io|me|info|biz|co))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WrittenOut();

    [GeneratedRegex(@"\s?(?:\(dot\)|\[dot\])\s?|\sdot\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Dots();
}
