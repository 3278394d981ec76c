using System.Buffers;
using System.Globalization;

namespace SocialMonitor.Core.Rules.LinkDomain;

/// <summary>
/// Finds the links a platform would make clickable in text: URLs with an http or https scheme, <c>www.</c> forms
/// and bare domains (<c>bit.ly/x</c>) whose last label is a top-level domain on the Public Suffix List. Trailing
/// punctuation and unbalanced closing brackets and quotes are not part of a link; email addresses, file names
/// (<c>report.pdf</c>), the domain of an e-mail address written out (<c>jo.king (at) example.com</c>), version numbers, decimals and abbreviations (<c>e.g.</c>) are not links, and neither is a
/// missing space at a sentence end that happens to spell a top-level domain (<c>fun.Love</c>, <c>great.Info</c>, <c>Mr.Rogers</c>),
/// nor an abbreviation (<c>Ph.D.in</c>).
/// </summary>
public sealed class LinkExtractor(PublicSuffixList suffixes)
{
    private static readonly SearchValues<char> _trailing = SearchValues.Create(".,;:!?'\"…‘’“”«»。、！？");
    private static readonly SearchValues<char> _afterHost = SearchValues.Create("/?#");
    private static readonly SearchValues<char> _mailboxMarks = SearchValues.Create("._0123456789");
    private static readonly SearchValues<char> _lowercaseAscii = SearchValues.Create("abcdefghijklmnopqrstuvwxyz");

    /// <summary>Top-level domains that are also common file extensions: <c>notes.md</c> without a path is a file.</summary>
    private static readonly string[] _fileExtensions = ["md", "py", "sh", "zip", "mov", "rs", "json", "cs", "js", "txt", "csv", "docx", "xlsx", "pdf", "jpg", "png"];

    /// <summary>Top-level domains people write in title case as part of a name (<c>Example.Com</c>); any other title-case one after a lowercase letter, and the ones that are also words (Info, Us) after a lowercase word, is a sentence break.</summary>
    private static readonly string[] _titleCaseDomains = ["Com", "Net", "Org", "Edu", "Gov", "Info", "Biz", "Us"];

    public static LinkExtractor Default { get; } = new(PublicSuffixList.Default);

    public IReadOnlyList<FoundLink> Extract(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<FoundLink>? links = null;
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }
            var (offset, length) = FindLink(text.AsSpan(start, i - start));
            if (length > 0 && !IsMailDomain(text, start, text.AsSpan(start + offset, length)))
            {
                (links ??= []).Add(new FoundLink(text.Substring(start + offset, length), start + offset, length));
            }
        }
        return links ?? (IReadOnlyList<FoundLink>)[];
    }

    /// <summary>The link in one whitespace-free token, as (offset, length) within it; length 0 when there is none.</summary>
    private (int Offset, int Length) FindLink(ReadOnlySpan<char> token)
    {
        if (FindScheme(token) is var scheme and >= 0)
        {
            var link = TrimEnd(token[scheme..]);
            var authority = link[(link.IndexOf("//", StringComparison.Ordinal) + 2)..];
            return authority.IsEmpty || !(char.IsLetterOrDigit(authority[0]) || authority[0] is '[' or '%') ? default : (scheme, link.Length);
        }
        if (token.Contains("://", StringComparison.Ordinal))
        {
            return default;
        }

        var start = 0;
        while (start < token.Length && !char.IsLetterOrDigit(token[start]))
        {
            start++;
        }
        var rest = token[start..];
        var beforePath = rest.IndexOfAny(_afterHost) is var p and >= 0 ? rest[..p] : rest;
        if ((start > 0 && token[start - 1] == '@') || beforePath.Contains('@'))
        {
            return default; // an email address or a handle
        }

        var hostLength = 0;
        while (hostLength < rest.Length && (char.IsLetterOrDigit(rest[hostLength]) || rest[hostLength] is '.' or '-'))
        {
            hostLength++;
        }
        var end = hostLength;
        if (end < rest.Length && rest[end] == ':' && end + 1 < rest.Length && char.IsAsciiDigit(rest[end + 1]))
        {
            end++;
            while (end < rest.Length && char.IsAsciiDigit(rest[end]))
            {
                end++;
            }
        }
        var candidate = TrimEnd(end < rest.Length && _afterHost.Contains(rest[end]) ? rest : rest[..end]);
        var host = rest[..Math.Min(hostLength, candidate.Length)].TrimEnd('.');
        if (!IsLinkHost(host) || (candidate.Length <= end && (IsFileExtension(host) || IsSentenceBreak(host) || IsProductName(host) || IsAbbreviation(host))))
        {
            return default;
        }
        return (start, candidate.Length);
    }

    private static int FindScheme(ReadOnlySpan<char> token)
    {
        var from = 0;
        while (token[from..].IndexOf("http", StringComparison.OrdinalIgnoreCase) is var found and >= 0)
        {
            var at = from + found;
            var rest = token[at..];
            if ((at == 0 || !char.IsLetterOrDigit(token[at - 1])) &&
                (rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
            {
                return at;
            }
            from = at + 4;
        }
        return -1;
    }

    /// <summary>Drops trailing punctuation and closing brackets that do not close a bracket inside the link.</summary>
    private static ReadOnlySpan<char> TrimEnd(ReadOnlySpan<char> link)
    {
        while (!link.IsEmpty)
        {
            var last = link[^1];
            var open = last switch
            {
                ')' => '(',
                ']' => '[',
                '}' => '{',
                '>' => '<',
                _ => '\0',
            };
            if (_trailing.Contains(last) || char.IsSurrogate(last) || char.GetUnicodeCategory(last) == System.Globalization.UnicodeCategory.OtherSymbol ||
                (open != '\0' && link.Count(last) > link.Count(open)))
            {
                link = link[..^1];
                continue;
            }
            break;
        }
        return link;
    }

    /// <summary>At least two non-empty labels of letters, digits and inner hyphens, the last one a top-level domain.</summary>
    private bool IsLinkHost(ReadOnlySpan<char> host)
    {
        var dot = host.LastIndexOf('.');
        if (dot <= 0)
        {
            return false;
        }
        foreach (var range in host.Split('.'))
        {
            var label = host[range];
            if (label.IsEmpty || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }
        }
        var tld = host[(dot + 1)..];
        if (!tld.ContainsAnyExceptInRange((char)0, (char)127))
        {
            return suffixes.IsTopLevelDomain(tld);
        }
        try
        {
            return suffixes.IsTopLevelDomain(new IdnMapping().GetAscii(tld.ToString()));
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// The domain of an e-mail address written out (<c>jo.king (at) example.com</c>, <c>jo.king at example.com</c>,
    /// <c>jo @ example.com</c>): a bare domain after an "at" token, which after a plain "at" must follow a mailbox-like
    /// word (with a dot, underscore or digit), so "tickets at example.com" stays a link.
    /// </summary>
    private static bool IsMailDomain(string text, int start, ReadOnlySpan<char> link)
    {
        if (link.Contains("://", StringComparison.Ordinal) || link.StartsWith("www.", StringComparison.OrdinalIgnoreCase) || link.ContainsAny(_afterHost))
        {
            return false;
        }
        var before = text.AsSpan(0, start).TrimEnd();
        if (before.EndsWith("(at)", StringComparison.OrdinalIgnoreCase) || before.EndsWith("[at]", StringComparison.OrdinalIgnoreCase) ||
            before.EndsWith("@", StringComparison.Ordinal) || before.EndsWith("\uFF20", StringComparison.Ordinal))
        {
            return true;
        }
        if (!before.EndsWith(" at", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var mailbox = before[..^3].TrimEnd();
        mailbox = mailbox[(mailbox.LastIndexOfAny(' ', '\n', '\t') + 1)..];
        return mailbox.Length > 1 && char.IsLetterOrDigit(mailbox[^1]) && mailbox.ContainsAny(_mailboxMarks);
    }

    /// <summary><c>fun.Love</c>, <c>$4.99.Buy</c>: a lowercase letter or digit, a dot, then a title-case word that is not one of the usual domains.</summary>
    private static bool IsSentenceBreak(ReadOnlySpan<char> host)
    {
        var dot = host.LastIndexOf('.');
        var tld = host[(dot + 1)..];
        if (tld.Length < 2 || !char.IsUpper(tld[0]) || tld[1..].ContainsAnyExcept(_lowercaseAscii) || !(char.IsLower(host[dot - 1]) || char.IsAsciiDigit(host[dot - 1])))
        {
            return false;
        }
        foreach (var common in _titleCaseDomains)
        {
            if (tld.SequenceEqual(common))
            {
                // Example.Com is a name; a word that starts sentences (Info, Us) after a lowercase word is a sentence break (great.Info).
                return tld is not ("Com" or "Net" or "Org") && !host[..dot].ContainsAnyExcept(_lowercaseAscii);
            }
        }
        return true;
    }

    /// <summary><c>Ph.D.in</c>, <c>U.S.in</c>: a capital letter alone between two dots is an abbreviation, not a host's label.</summary>
    private static bool IsAbbreviation(ReadOnlySpan<char> host)
    {
        var first = true;
        foreach (var range in host.Split('.'))
        {
            var label = host[range];
            if (!first && range.End.Value < host.Length && label.Length == 1 && char.IsUpper(label[0]))
            {
                return true;
            }
            first = false;
        }
        return false;
    }

    /// <summary>
    /// <c>ASP.NET</c>, <c>VB.NET</c>, <c>ADO.NET</c>: a name in capitals and digits before <c>.NET</c> in capitals is a
    /// software framework's name, not an address (an address in capitals has a lowercase or title-case form people use).
    /// </summary>
    private static bool IsProductName(ReadOnlySpan<char> host)
    {
        var dot = host.LastIndexOf('.');
        return (host[(dot + 1)..] is "NET" && !host[..dot].ContainsAnyInRange('a', 'z')) || IsNamespace(host);
    }

    /// <summary>
    /// <c>System.IO</c>, <c>System.Net.Http</c>: a code namespace, every label capitalised, either three labels or more or
    /// two ending in two capitals (<c>Example.COM</c> stays an address); not a <c>www.</c> address.
    /// </summary>
    private static bool IsNamespace(ReadOnlySpan<char> host)
    {
        var labels = 0;
        foreach (var range in host.Split('.'))
        {
            var label = host[range];
            if (label.IsEmpty || !char.IsUpper(label[0]) || (labels == 0 && (label.Equals("www", StringComparison.OrdinalIgnoreCase) || !label.ContainsAnyInRange('a', 'z'))))
            {
                return false;
            }
            labels++;
        }
        var last = host[(host.LastIndexOf('.') + 1)..];
        return labels >= 3 || (labels == 2 && last.Length == 2 && !last.ContainsAnyInRange('a', 'z'));
    }

    private static bool IsFileExtension(ReadOnlySpan<char> host)
    {
        var tld = host[(host.LastIndexOf('.') + 1)..];
        foreach (var extension in _fileExtensions)
        {
            if (tld.Equals(extension, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
