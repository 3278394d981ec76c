using System.Text.RegularExpressions;

namespace SocialMonitor.Core.Rules.Pii;

/// <summary>
/// US street addresses: a house number, an optional direction, one to three street words and a street type
/// (<c>1423 W Prairie Ave</c>, <c>6020 N Ramsey Road</c>), and PO boxes. Street words may not be ordinary little
/// words, so "20 books this summer, the best way" is not an address.
/// </summary>
internal static partial class AddressFinder
{
    private static readonly HashSet<string> s_notStreetWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "this", "that", "these", "those", "to", "of", "and", "or", "for", "in", "on", "my", "your", "our", "their",
        "his", "her", "is", "are", "was", "at", "with", "by", "from", "best", "more", "than", "every", "each", "per", "all", "it",
        "its", "new", "one", "two", "other", "easy", "ways", "fun", "great", "same", "only", "whole", "any", "some",
    };

    /// <summary>(house number, first street word, lowercase) of each address in <paramref name="text"/>.</summary>
    public static IEnumerable<(string Number, string Street)> Streets(string text)
    {
        foreach (Match match in Street().Matches(text))
        {
            if (IsStreet(match))
            {
                yield return (match.Groups["number"].Value, FirstWord(match).ToLowerInvariant());
            }
        }
    }

    public static void Find(string text, PublishedContactIndex published, ref List<PiiMatch>? found)
    {
        foreach (Match match in Street().Matches(text))
        {
            if (IsStreet(match) && !published.IsPublishedAddress(match.Groups["number"].Value, FirstWord(match)))
            {
                (found ??= []).Add(new PiiMatch(PiiKind.Address, match.Index, match.Index + match.Length,
                    PiiMasks.Address(FirstWord(match), Suffix(match.Groups["suffix"].Value))));
            }
        }
        foreach (Match match in PoBox().Matches(text))
        {
            (found ??= []).Add(new PiiMatch(PiiKind.Address, match.Index, match.Index + match.Length, "PO Box ***"));
        }
    }

    private static bool IsStreet(Match match)
    {
        foreach (Capture word in match.Groups["word"].Captures)
        {
            if (s_notStreetWords.Contains(word.Value))
            {
                return false;
            }
        }
        return true;
    }

    private static string FirstWord(Match match) => match.Groups["word"].Captures[0].Value;

    /// <summary>The street type as usually abbreviated, capitalised.</summary>
    private static string Suffix(string written) => written.ToLowerInvariant() switch
    {
        "street" or "st" => "St",
        "avenue" or "ave" => "Ave",
        "road" or "rd" => "Rd",
        "drive" or "dr" => "Dr",
        "lane" or "ln" => "Ln",
        "boulevard" or "blvd" => "Blvd",
        "court" or "ct" => "Ct",
        "place" or "pl" => "Pl",
        "circle" or "cir" => "Cir",
        "terrace" or "ter" => "Ter",
        "highway" or "hwy" => "Hwy",
        "parkway" or "pkwy" => "Pkwy",
        "trail" or "trl" => "Trl",
        var other => char.ToUpperInvariant(other[0]) + other[1..],
    };

    [GeneratedRegex(
        @"(?<![\w.,$-])(?<number>[0-9]{1,6})\s+(?:(?:[NSEW]|NE|NW|SE|SW|North|South|East|West)\.?\s+)?" +
        @"(?:(?<word>[A-Za-z0-9][A-Za-z0-9'’-]*)\.?\s+){1,3}?" +
        @"(?<suffix>Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Lane|Ln|Way|Boulevard|Blvd|Court|Ct|Place|Pl|Circle|Cir|Terrace|Ter|Highway|Hwy|Parkway|Pkwy|Loop|Trail|Trl)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Street();

    [GeneratedRegex(@"\bP\.?\s?O\.?\s*Box\s+[0-9]{1,6}\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PoBox();
}
