using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace SocialMonitor.Core.Rules.Pii;

/// <summary>
/// US street addresses: a house number, an optional direction, one to three street words and a street type
/// (<c>1423 W Prairie Ave</c>, <c>6020 N Ramsey Road</c>), and PO boxes. Street words may not be ordinary little
/// words, so "20 books this summer, the best way" is not an address. Read by hand at each number that starts a word
/// (a regex tried at every number of a long post costs a microsecond each). A long street type may be misspelt by one
/// letter (<c>Avenu</c>). Famous fictional addresses and public seats are nobody's home.
/// </summary>
internal static partial class AddressFinder
{
    private const int MaxStreetWords = 3;

    private static readonly FrozenSet<string> s_notStreetWords = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "the", "a", "an", "this", "that", "these", "those", "to", "of", "and", "or", "for", "in", "on", "my", "your", "our", "their",
        "his", "her", "is", "are", "was", "at", "with", "by", "from", "best", "more", "than", "every", "each", "per", "all", "it",
        "its", "new", "one", "two", "other", "easy", "ways", "fun", "great", "same", "only", "whole", "any", "some");

    private static readonly FrozenSet<string> s_directions = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "n", "s", "e", "w", "ne", "nw", "se", "sw", "north", "south", "east", "west");

    private static readonly FrozenDictionary<string, string> s_suffixes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["street"] = "St", ["st"] = "St", ["avenue"] = "Ave", ["ave"] = "Ave", ["road"] = "Rd", ["rd"] = "Rd", ["drive"] = "Dr", ["dr"] = "Dr",
        ["lane"] = "Ln", ["ln"] = "Ln", ["way"] = "Way", ["boulevard"] = "Blvd", ["blvd"] = "Blvd", ["court"] = "Ct", ["ct"] = "Ct",
        ["place"] = "Pl", ["pl"] = "Pl", ["circle"] = "Cir", ["cir"] = "Cir", ["terrace"] = "Ter", ["ter"] = "Ter", ["highway"] = "Hwy",
        ["hwy"] = "Hwy", ["parkway"] = "Pkwy", ["pkwy"] = "Pkwy", ["loop"] = "Loop", ["trail"] = "Trl", ["trl"] = "Trl",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Addresses that are nobody's home: famous fictional ones (4 Privet Drive, 742 Evergreen Terrace, 84 Charing Cross
    /// Road) and public seats (1600 Pennsylvania Avenue), as (house number, first street word).
    /// </summary>
    private static readonly FrozenSet<(string, string)> s_famous = new HashSet<(string, string)>
    {
        ("4", "privet"), ("742", "evergreen"), ("84", "charing"), ("221", "baker"), ("12", "grimmauld"), ("1313", "mockingbird"),
        ("124", "conch"), ("31", "spooner"), ("1640", "riverside"), ("1600", "pennsylvania"), ("10", "downing"), ("32", "windsor"),
    }.ToFrozenSet();

    /// <summary>The long street types a misspelling is compared with (the short ones are too close to other words).</summary>
    private static readonly (string Type, string Abbreviation)[] s_longTypes =
        [("street", "St"), ("avenue", "Ave"), ("boulevard", "Blvd"), ("parkway", "Pkwy"), ("highway", "Hwy"), ("terrace", "Ter"), ("circle", "Cir")];

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_notStreetWordLookup = s_notStreetWords.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_directionLookup = s_directions.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> s_suffixLookup = s_suffixes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>(house number, first street word, lowercase) of each address in <paramref name="text"/>.</summary>
    public static IEnumerable<(string Number, string Street)> Streets(string text)
    {
        List<PiiMatch>? ignored = null;
        var streets = new List<(string, string)>();
        Scan(text, (number, street, _, _, _) => streets.Add((number.ToString(), street.ToString().ToLowerInvariant())), ref ignored);
        return streets;
    }

    public static void Find(string text, PublishedContactIndex published, ref List<PiiMatch>? found)
    {
        Scan(text, null, ref found, published);
        if (text.Contains("box", StringComparison.OrdinalIgnoreCase) || text.Contains("drawer", StringComparison.OrdinalIgnoreCase))
        {
            foreach (Match match in PoBox().Matches(text))
            {
                (found ??= []).Add(new PiiMatch(PiiKind.Address, match.Index, match.Index + match.Length, "PO Box ***"));
            }
        }
        foreach (Match match in OtherForms().Matches(text))
        {
            var street = match.Groups["street"].Value;
            var number = match.Groups["n"].Value;
            if (Overlaps(found, match.Index, match.Index + match.Length) || published.IsPublishedAddress(number, street) ||
                s_notStreetWordLookup.Contains(street) || s_months.Contains(street) || published.IsTown(street) ||
                (match.Groups["town"].Success && !published.IsTown(match.Groups["town"].Value)) ||
                (match.Groups["home"].Success && !LivesThere(text, match.Index)))
            {
                continue;
            }
            var type = match.Groups["type"].Success ? (s_suffixLookup.TryGetValue(match.Groups["type"].Value.TrimEnd('.'), out var known) ? known : match.Groups["type"].Value) : "";
            (found ??= []).Add(new PiiMatch(PiiKind.Address, match.Index, match.Index + match.Length, PiiMasks.Address(street, type).TrimEnd()));
        }
    }

    private static bool Overlaps(List<PiiMatch>? found, int start, int end) => found is not null && found.Exists(m => m.Start < end && start < m.End);

    private static readonly FrozenSet<string> s_months = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December");

    /// <summary>Words just before a house number with no street type that say someone lives or is there ("we're", "I live").</summary>
    private static readonly string[] s_homeCues = ["we're", "we are", "i'm", "i am", "i live", "lives", "live at", "living at", "our house", "my house", "our place", "my place", "staying at"];

    private static bool LivesThere(string text, int at)
    {
        var from = Math.Max(0, at - 40);
        var before = text.AsSpan(from, at - from);
        foreach (var cue in s_homeCues)
        {
            if (before.Contains(cue, StringComparison.OrdinalIgnoreCase) || before.Contains(cue.Replace('\'', '\u2019'), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private delegate void StreetFound(ReadOnlySpan<char> number, ReadOnlySpan<char> street, string suffix, int start, int end);

    private static void Scan(string text, StreetFound? onStreet, ref List<PiiMatch>? found, PublishedContactIndex? published = null)
    {
        var i = 0;
        while (i < text.Length)
        {
            var next = text.AsSpan(i).IndexOfAnyInRange('0', '9');
            if (next < 0)
            {
                return;
            }
            var start = i + next;
            i = start;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
            var digitsEnd = i;
            if (i < text.Length && text[i] == '\u00BD')
            {
                i++; // 612½: a half house number
            }
            if (digitsEnd - start > 6 || (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] is '_' or '.' or ',' or '$' or '-')) ||
                Street(text, i) is not var (streetStart, streetEnd, suffix, end))
            {
                continue;
            }
            var number = text.AsSpan(start, digitsEnd - start);
            var street = text.AsSpan(streetStart, streetEnd - streetStart);
            if (onStreet is not null)
            {
                onStreet(number, street, suffix, start, end);
            }
            else if (published is not null && !published.IsPublishedAddress(number.ToString(), street.ToString()) &&
                !s_famous.Contains((number.ToString(), street.ToString().ToLowerInvariant())))
            {
                (found ??= []).Add(new PiiMatch(PiiKind.Address, start, end, PiiMasks.Address(street.ToString(), suffix)));
            }
            i = end;
        }
    }

    /// <summary>
    /// After a house number ending at <paramref name="at"/>: an optional direction, one to three street words and a
    /// street type; the first street word's range, the type as abbreviated, and where the address ends.
    /// </summary>
    private static (int StreetStart, int StreetEnd, string Suffix, int End)? Street(string text, int at)
    {
        var p = at;
        var names = 0;
        var streetStart = -1;
        var streetEnd = -1;
        for (var t = 0; t <= MaxStreetWords + 1; t++)
        {
            var wordStart = SkipSpace(text, p);
            if (wordStart == p || wordStart >= text.Length || !char.IsAsciiLetterOrDigit(text[wordStart]))
            {
                return null;
            }
            var wordEnd = wordStart;
            while (wordEnd < text.Length && (char.IsAsciiLetterOrDigit(text[wordEnd]) || text[wordEnd] is '\'' or '\u2019' or '-'))
            {
                wordEnd++;
            }
            var word = text.AsSpan(wordStart, wordEnd - wordStart);
            var boundary = wordEnd == text.Length || !char.IsLetterOrDigit(text[wordEnd]);
            if (names > 0 && boundary && (s_suffixLookup.TryGetValue(word, out var suffix) ? suffix : Misspelt(word)) is { } type)
            {
                return (streetStart, streetEnd, type, wordEnd);
            }
            p = wordEnd < text.Length && text[wordEnd] == '.' ? wordEnd + 1 : wordEnd;
            if (t == 0 && s_directionLookup.Contains(word))
            {
                continue;
            }
            if (names == MaxStreetWords || s_notStreetWordLookup.Contains(word))
            {
                return null;
            }
            if (names++ == 0)
            {
                (streetStart, streetEnd) = (wordStart, wordEnd);
            }
        }
        return null;
    }

    /// <summary>A long street type typed with one letter wrong, missing, extra or swapped (<c>Avenu</c>, <c>Stret</c>), not its plural.</summary>
    private static string? Misspelt(ReadOnlySpan<char> word)
    {
        if (word.Length < 5)
        {
            return null;
        }
        foreach (var (type, abbreviation) in s_longTypes)
        {
            if (Math.Abs(word.Length - type.Length) <= 1 && !(word.Length == type.Length + 1 && word.StartsWith(type, StringComparison.OrdinalIgnoreCase)) &&
                OneEdit(word, type))
            {
                return abbreviation;
            }
        }
        return null;
    }

    /// <summary>Exactly one substitution, insertion, deletion or swap of neighbours apart, ignoring case.</summary>
    private static bool OneEdit(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var i = 0;
        while (i < a.Length && i < b.Length && char.ToLowerInvariant(a[i]) == b[i])
        {
            i++;
        }
        if (i == a.Length && i == b.Length)
        {
            return false; // the same word
        }
        static bool Same(ReadOnlySpan<char> x, ReadOnlySpan<char> y) => x.Equals(y, StringComparison.OrdinalIgnoreCase);
        return (a.Length == b.Length && (Same(a[(i + 1)..], b[(i + 1)..]) ||
                (i + 1 < a.Length && char.ToLowerInvariant(a[i]) == b[i + 1] && char.ToLowerInvariant(a[i + 1]) == b[i] && Same(a[(i + 2)..], b[(i + 2)..])))) ||
            (a.Length == b.Length + 1 && Same(a[(i + 1)..], b[i..])) ||
            (a.Length + 1 == b.Length && Same(a[i..], b[(i + 1)..]));
    }

    private static int SkipSpace(string text, int p)
    {
        while (p < text.Length && text[p] is ' ' or '\t' or '\u00A0')
        {
            p++;
        }
        return p;
    }

    /// <summary>
    /// PO boxes and drawers, rural and highway-contract route boxes (<c>RR 2 Box 14</c>, <c>HC 1 Box 9</c>), and a bare
    /// <c>Box 12</c> before a town, a state and a ZIP code.
    /// </summary>
    [GeneratedRegex(
        @"\b(?:P\.?\s?O\.?\s*(?:Box|Drawer)|Post\s+Office\s+(?:Box|Drawer)|(?:Rural\s+Route|R\.?R\.?|HC|Highway\s+Contract|Star\s+Route)\s*[0-9]{1,4}\s*,?\s*Box" +
        @"|Box(?=\s+[0-9]{1,6},\s*[A-Z][\w' ]{1,30},?\s+(?:[A-Z]{2}|Idaho|Washington|Montana)\.?,?\s+[0-9]{5}\b))\s+[0-9]{1,6}\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PoBox();

    /// <summary>
    /// Addresses written without the usual order or type: a highway or route after the house number and a direction (<c>5640 W Hwy 54</c>);
    /// a house number, a direction and a street name without a type after words saying someone is there ("we're 1512 N
    /// Elm"); a house number and street name before a town the library serves ("3091 Maple, Athol"); the street first
    /// ("on Canfield Ave, number 908"); Spanish (<c>el 3302 de la calle Mullan</c>, <c>calle Mullan 3302</c>); and the
    /// parts named ("house number is 16. Street is Lake Dr").
    /// </summary>
    [GeneratedRegex(
        @"(?<![\w$.,/-])(?<!(?i:mile|exit|marker|milepost|mm)\s)(?<n>[0-9]{1,6})\s+(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?\s+(?<street>Hwy|Highway|State\s+Route|Route|Rte|SR|US|County\s+Road|CR)[\s-]?[0-9]{1,4}\b" +
        @"|(?<![\w$.,/-])(?<home>)(?<n>[0-9]{3,6})\s+(?:on\s+)?(?:N|S|E|W|North|South|East|West)\.?\s+(?<street>[A-Z][a-z]{2,})\b(?!\s+(?:St|Ave|Rd|Dr|Ln|Way|Blvd|Ct|Pl)\b)" +
        @"|(?<![\w$.,/-])(?<n>[0-9]{2,6})\s+(?:(?:N|S|E|W)\.?\s+)?(?<street>[A-Z][a-z]{2,})(?:\s[A-Z][a-z]+)?,\s+(?<town>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\b" +
        @"|\b(?:on|at)\s+(?<street>[A-Z][a-z]{2,})(?:\s[A-Z][a-z]+)?\s+(?<type>St|Street|Ave|Avenue|Rd|Road|Dr|Drive|Ln|Lane|Way|Blvd|Ct|Court|Pl|Place)\.?,?\s+(?:number|no\.?|#)\s*(?<n>[0-9]{1,6})\b" +
        @"|\b(?<n>[0-9]{1,6})\s+de\s+la\s+(?:calle|avenida|carretera|camino)\s+(?<street>[A-Z][\w]+)" +
        @"|\b(?:calle|avenida)\s+(?<street>[A-Z][\w]+)\s*,?\s*(?:n[úu]mero\s*|n[º°]\s*|#\s*)?(?<n>[0-9]{1,6})\b" +
        @"|\b(?i:house\s+(?:number|no\.?|#)\W+(?:is\s+)?)(?<n>[0-9]{1,6})\b[^0-9]{0,20}?\b(?i:street\W+(?:is\s+)?)(?<street>[A-Z][a-z]+)(?:\s[A-Z][a-z]+)?\s(?<type>St|Street|Ave|Avenue|Rd|Road|Dr|Drive|Ln|Lane|Way|Blvd|Ct|Court)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex OtherForms();
}
