using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace SocialMonitor.Core.Rules.Pii;

/// <summary>
/// Email addresses, also written out to dodge filters (<c>kathy dot r at gmail dot com</c>, <c>d.nguyen (at)
/// protonmail.com</c>, <c>jane.doe at gmail.com</c>, <c>dot</c> or <c>period</c>: a plain " at " only before a mail
/// provider, so "tickets at eventbrite.com" is a website), with a full-width <c>＠</c>, or spaced out around the
/// <c>@</c> (<c>k i m @ yahoo . com</c>, before a mail provider only); not the library's published addresses or any
/// address on its published domains, not the user part of a web address (<c>https://name:pass@host/</c>), not a
/// template (<c>yourname@gmail.com</c>, <c>first.last@domain.com</c>), and not an organisation's role mailbox
/// (<c>support@vendor.com</c>).
/// </summary>
internal static partial class EmailFinder
{
    /// <summary>How far back a web address's scheme is looked for before an <c>@</c> (keeps a text of many <c>@</c> linear).</summary>
    private const int MaxWord = 256;

    private static readonly HashSet<string> s_mailProviders = new(StringComparer.Ordinal)
    {
        "gmail", "googlemail", "yahoo", "hotmail", "outlook", "live", "msn", "aol", "icloud", "me", "mac", "protonmail", "proton",
        "comcast", "att", "verizon", "frontier", "ymail", "gmx", "fastmail", "zoho", "cox", "charter", "sbcglobal", "earthlink",
        "bellsouth", "centurylink", "windstream", "optonline", "mail", "inbox", "yandex", "tutanota", "hey", "rocketmail", "juno",
        "netzero", "q", "pm", "tuta", "spectrum", "twc", "roadrunner", "rr",
    };

    /// <summary>The mail providers' names long enough to look for in a text before the written-out pattern runs.</summary>
    private static readonly SearchValues<string> s_providerNames = SearchValues.Create(
        [.. s_mailProviders.Where(p => p.Length >= 4)], StringComparison.OrdinalIgnoreCase);

    private static readonly SearchValues<char> s_atSigns = SearchValues.Create("@\uFF20\uFE6B");
    private static readonly SearchValues<string> s_disguiseMarks =
        SearchValues.Create(["@", "[.]", "(.)", "(a)", "[a]", "&#64;", "%40"], StringComparison.Ordinal);
    private static readonly SearchValues<char> s_pathStart = SearchValues.Create("/?#");

    /// <summary>The words a template address is made of (<c>yourname</c>, <c>firstname.lastname</c>, <c>user</c>).</summary>
    private static readonly string[] s_templateWords = ["your", "you", "my", "first", "last", "full", "user", "name", "email", "mail", "some", "one", "example", "sample"];

    private static readonly HashSet<string> s_roleMailboxes = new(StringComparer.Ordinal)
    {
        "info", "support", "help", "helpdesk", "contact", "contactus", "hello", "office", "admin", "sales", "media", "press",
        "service", "customerservice", "care", "noreply", "no-reply", "donotreply", "webmaster", "team", "jobs", "careers", "hr",
        "billing", "orders", "events", "reference", "circulation", "frontdesk", "reservations", "tickets", "membership",
        "elections", "clerk", "records", "permits", "registrar", "admissions", "volunteers", "accounts", "payroll", "treasurer",
        "assessor", "reception",
    };

    private static readonly SearchValues<char> s_letters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

    public static void Find(string text, PublishedContactIndex published, ref List<PiiMatch>? found)
    {
        // Every disguise has an at sign or one of these in it: most texts skip the regex.
        if (!text.AsSpan().ContainsAny(s_disguiseMarks) || !Disguised().IsMatch(text))
        {
            FindIn(text, published, ref found);
            return;
        }
        // Read the disguises away, find in that, and give each finding the original's offsets.
        var plain = new StringBuilder(text.Length);
        var map = new List<int>(text.Length + 1);
        var from = 0;
        foreach (Match match in Disguised().Matches(text))
        {
            var replacement = Undisguised(text, match);
            if (replacement is null)
            {
                continue;
            }
            for (var i = from; i < match.Index; i++)
            {
                plain.Append(text[i]);
                map.Add(i);
            }
            foreach (var c in replacement)
            {
                plain.Append(c);
                map.Add(match.Index);
            }
            from = match.Index + match.Length;
        }
        for (var i = from; i < text.Length; i++)
        {
            plain.Append(text[i]);
            map.Add(i);
        }
        map.Add(text.Length);
        List<PiiMatch>? inPlain = null;
        FindIn(plain.ToString(), published, ref inPlain);
        foreach (var match in inPlain ?? [])
        {
            (found ??= []).Add(match with { Start = map[match.Start], End = match.End == 0 ? 0 : map[match.End - 1] + 1 });
        }
    }

    /// <summary>What a disguise stands for (<c>[.]</c> a dot, <c>(a)</c>, <c>&amp;#64;</c>, <c>%40</c> an at sign, a line break
    /// or space beside the @ before a mail provider nothing, <c>g r a n t @ m a c . c o m</c> its letters), or null to keep it.</summary>
    private static string? Undisguised(string text, Match match)
    {
        if (match.Groups["dot"].Success)
        {
            return ".";
        }
        if (match.Groups["at"].Success)
        {
            // %40 inside a web address (a wrapper's encoded target) is the link's own, judged by the link rule.
            var word = match.Index;
            while (word > 0 && match.Index - word < MaxWord && !char.IsWhiteSpace(text[word - 1]))
            {
                word--;
            }
            var before = text.AsSpan(word, match.Index - word);
            return before.Contains("://", StringComparison.Ordinal) || before.Contains("%3A", StringComparison.OrdinalIgnoreCase) ? null : "@";
        }
        if (match.Groups["gap"].Success)
        {
            return IsMailProvider(match.Groups["provider"].Value) ? "" : null;
        }
        var spaced = match.Groups["spaced"].Value;
        return spaced.Contains('@', StringComparison.Ordinal) ? spaced.Replace(" ", "", StringComparison.Ordinal) : null;
    }

    private static void FindIn(string text, PublishedContactIndex published, ref List<PiiMatch>? found)
    {
        for (var at = text.AsSpan().IndexOfAny(s_atSigns); at >= 0; at = NextAt(text, at))
        {
            if (InWebAddress(text, at))
            {
                continue;
            }
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
            if (local.Length > 0 && IsDomain(domain))
            {
                Add(start, at + 1 + domain.Length, local, domain, published, ref found);
            }
            else if (local.Length == 0 && Spaced(text, at) is var (spacedStart, spacedEnd, spacedLocal, spacedDomain))
            {
                Add(spacedStart, spacedEnd, spacedLocal, spacedDomain, published, ref found);
            }
        }
        var dotWrittenOut = text.Contains(" dot ", StringComparison.OrdinalIgnoreCase) || text.Contains(" period ", StringComparison.OrdinalIgnoreCase) ||
            text.Contains("(at)", StringComparison.OrdinalIgnoreCase) || text.Contains("[at]", StringComparison.OrdinalIgnoreCase);
        if (dotWrittenOut || (text.Contains(" at ", StringComparison.OrdinalIgnoreCase) && text.AsSpan().ContainsAny(s_providerNames)))
        {
            foreach (Match match in WrittenOut().Matches(text))
            {
                var local = Dots().Replace(match.Groups["local"].Value, ".");
                var domain = Dots().Replace(match.Groups["domain"].Value, ".");
                // "jane.doe at gmail.com" is an address; "tickets at eventbrite.com" is a website: a plain " at " counts
                // only before a mail provider's domain.
                var plainAt = !dotWrittenOut && !match.Value.Contains("(at)", StringComparison.OrdinalIgnoreCase) && !match.Value.Contains("[at]", StringComparison.OrdinalIgnoreCase);
                if (!plainAt || IsMailProvider(domain))
                {
                    Add(match.Index, match.Index + match.Length, local, domain, published, ref found);
                }
            }
        }
        if (text.AsSpan().ContainsAny(s_providerNames))
        {
            foreach (Match match in Described().Matches(text))
            {
                var local = match.Groups["local"].Value;
                var provider = match.Groups["provider"].Value.ToLowerInvariant();
                if (IsMailProvider(provider) && !(match.Index > 0 && text[match.Index - 1] == '@'))
                {
                    Add(match.Index, match.Index + match.Length, local, provider + ".com", published, ref found);
                }
            }
        }
    }

    private static void Add(int start, int end, string local, string domain, PublishedContactIndex published, ref List<PiiMatch>? found)
    {
        if (!published.IsPublishedEmail(local, domain) && !IsTemplate(local, domain) && !IsRoleMailbox(local, domain))
        {
            (found ??= []).Add(new PiiMatch(PiiKind.Email, start, end, PiiMasks.Email(local, domain)));
        }
    }

    private static int NextAt(string text, int at) => at + 1 >= text.Length || text.AsSpan(at + 1).IndexOfAny(s_atSigns) is not (var next and >= 0) ? -1 : at + 1 + next;

    /// <summary>The <c>@</c> of a web address's user part: <c>://</c> before it in the same word, with no path between.</summary>
    private static bool InWebAddress(string text, int at)
    {
        var start = at;
        while (start > 0 && at - start < MaxWord && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }
        var scheme = text.AsSpan(start, at - start).LastIndexOf("://", StringComparison.Ordinal);
        return scheme >= 0 && text.AsSpan(start + scheme + 3, at - start - scheme - 3).IndexOfAny(s_pathStart) < 0;
    }

    /// <summary>
    /// <c>j d o e @ outlook . com</c>, <c>jdoe @ gmail.com</c>: a word or single letters spaced out before an <c>@</c>
    /// with spaces after it, then a mail provider's domain whose dots may have spaces around them.
    /// </summary>
    private static (int Start, int End, string Local, string Domain)? Spaced(string text, int at)
    {
        if (at == 0 || text[at - 1] != ' ' || at + 1 >= text.Length || text[at + 1] != ' ')
        {
            return null;
        }
        // Back over the mailbox: one word, or two or more single letters each followed by one space.
        var start = at - 1;
        var local = new StringBuilder();
        while (start > 0 && text[start] == ' ' && IsLocal(text[start - 1]))
        {
            var wordStart = start - 1;
            while (wordStart > 0 && IsLocal(text[wordStart - 1]))
            {
                wordStart--;
            }
            var length = start - wordStart;
            if (length > 1 && local.Length > 0)
            {
                break;
            }
            local.Insert(0, text.AsSpan(wordStart, length));
            start = wordStart - 1;
            if (length > 1)
            {
                break;
            }
        }
        if (local.Length < 2)
        {
            return null;
        }
        var domain = new StringBuilder();
        var end = at + 1;
        while (true)
        {
            var p = end;
            while (p < text.Length && text[p] == ' ')
            {
                p++;
            }
            var labelStart = p;
            while (p < text.Length && (char.IsAsciiLetterOrDigit(text[p]) || text[p] == '-'))
            {
                p++;
            }
            if (p == labelStart)
            {
                break;
            }
            domain.Append(text, labelStart, p - labelStart);
            end = p;
            while (p < text.Length && text[p] == ' ')
            {
                p++;
            }
            if (p + 1 >= text.Length || text[p] != '.' || !char.IsAsciiLetterOrDigit(text[SkipSpaces(text, p + 1)]))
            {
                break;
            }
            domain.Append('.');
            end = p + 1;
        }
        var name = domain.ToString();
        return IsDomain(name) && IsMailProvider(name) ? (start + 1, end, local.ToString(), name) : null;
    }

    private static int SkipSpaces(string text, int p)
    {
        while (p < text.Length - 1 && text[p] == ' ')
        {
            p++;
        }
        return p;
    }

    /// <summary>
    /// An organisation's role mailbox (<c>support@</c>, <c>info@</c>, <c>press@</c> on its own domain): nobody's personal
    /// address. On a mail provider's domain the same name may be a person's, so it counts there.
    /// </summary>
    private static bool IsRoleMailbox(string local, string domain) =>
        s_roleMailboxes.Contains(local.ToLowerInvariant()) && !IsMailProvider(domain);

    /// <summary>A mailbox made only of template words (<c>yourname</c>, <c>first.last</c>, <c>user</c>) or the domain <c>domain.com</c>.</summary>
    private static bool IsTemplate(string local, string domain)
    {
        var label = domain.AsSpan(0, domain.IndexOf('.') is var dot and > 0 ? dot : domain.Length);
        return OnlyTemplateWords(local.AsSpan()) || label.Equals("domain", StringComparison.OrdinalIgnoreCase) ||
            label.Equals("yourdomain", StringComparison.OrdinalIgnoreCase);
    }

    private static bool OnlyTemplateWords(ReadOnlySpan<char> local)
    {
        local = local.TrimStart("._-+");
        if (local.IsEmpty)
        {
            return true;
        }
        foreach (var word in s_templateWords)
        {
            if (local.StartsWith(word, StringComparison.OrdinalIgnoreCase) && OnlyTemplateWords(local[word.Length..]))
            {
                return true;
            }
        }
        return false;
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
        @"(?<![\w.])(?<local>[a-z0-9][a-z0-9._+-]*(?:\s(?:dot|period|\(dot\)|\[dot\])\s[a-z0-9]+)*)\s?(?:\(at\)|\[at\]|\sat\s)\s?" +
        @"(?<domain>[a-z0-9-]+(?:(?:\.|\s?\(dot\)\s?|\s?\[dot\]\s?|\s(?:dot|period)\s)[a-z0-9-]+)*?(?:\.|\s?\(dot\)\s?|\s?\[dot\]\s?|\s(?:dot|period)\s)(?:com|net|org|edu|gov|us|io|me|info|biz|co))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WrittenOut();

    /// <summary>
    /// The ways an address is disguised that are read away before it is looked for: a defanged dot (<c>[.]</c>,
    /// <c>(.)</c>); an at sign as <c>(a)</c>, <c>[a]</c>, <c>[@]</c>, <c>&amp;#64;</c> or <c>%40</c> between a mailbox and a
    /// domain; a line break or spaces beside the <c>@</c> before a mail provider's domain; an address spaced out letter by
    /// letter.
    /// </summary>
    [GeneratedRegex(
        @"(?<dot>\[\.\]|\(\.\))" +
        @"|(?<=[A-Za-z0-9._%+-])(?<at>\((?:a|@)\)|\[(?:a|@)\]|&\#64;|%40)(?=[A-Za-z0-9])" +
        @"|(?<=[A-Za-z0-9])(?<gap>[ \t]*\r?\n[ \t]*|[ \t]+)(?=@\s*(?<provider>[A-Za-z]+)(?:\.|\[\.\])[A-Za-z]{2,})" +
        @"|(?<=[A-Za-z0-9][ \t]*@)(?<gap>[ \t]*\r?\n[ \t]*|[ \t]+)(?=(?<provider>[A-Za-z]+)(?:\.|\[\.\])[A-Za-z]{2,})" +
        @"|(?<![A-Za-z0-9.@])(?<spaced>(?:[A-Za-z0-9.@] ){4,}[A-Za-z0-9])(?![A-Za-z0-9])",
        RegexOptions.CultureInvariant)]
    private static partial Regex Disguised();

    /// <summary>
    /// An address described instead of written: "my gmail is pine.reads", "dj.moss and the provider is icloud",
    /// "ellie.vance, then the at sign, then icloud". The mailbox has a dot, underscore, hyphen or digit in it (so "my gmail
    /// is full" is no address) and the provider is named with no domain after it.
    /// </summary>
    [GeneratedRegex(
        @"\bmy\s(?<provider>" + Providers + @")(?:\s(?:address|account|e-?mail))?\s(?:is|=|:)\s(?<local>[a-z0-9]+(?:[._-][a-z0-9]+)+|[a-z]+[0-9]+)\b(?!@|\.[a-z])" +
        @"|\b(?<local>[a-z0-9]+(?:[._-][a-z0-9]+)+)\b(?!@)[^@\n]{0,24}?\b(?:(?:provider|domain)(?:\sis|:)|at[\s-](?:sign|symbol)\b[^@\n]{0,12}?)\s(?<provider>" + Providers + @")\b(?!\.[a-z])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Described();

    /// <summary>The mail providers an address is described by (the regex above names them, so "my address is" is not one).</summary>
    private const string Providers = "gmail|googlemail|yahoo|ymail|hotmail|outlook|live|msn|aol|icloud|protonmail|proton|comcast|gmx|fastmail|zoho";

    [GeneratedRegex(@"\s?(?:\(dot\)|\[dot\])\s?|\s(?:dot|period)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Dots();
}
