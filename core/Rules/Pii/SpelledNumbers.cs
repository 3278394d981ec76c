using System.Buffers;

namespace SocialMonitor.Core.Rules.Pii;

/// <summary>
/// Phone, Social Security and card numbers written in words (<c>two oh eight, five five five, oh one two three</c>,
/// <c>dos cero ocho</c>): a run of digit words (<c>zero</c>, <c>oh</c>, <c>o</c>, <c>one</c> … <c>nine</c>, Spanish
/// <c>cero</c> … <c>nueve</c>) split into groups by commas, hyphens, dashes or bullets, read
/// as <see cref="NumberFinder"/> reads digits: 3-3-4 (or ten words after a phone word) is a phone, 3-2-4 (or nine words
/// after "SSN"/"social") in the issued ranges an SSN, 3-4 after a phone word a local number, and in a text that says
/// "card" 14 words from a 2 a library card and 13-19 passing the Luhn check a payment card. A text without any digit
/// word costs one vectorised search.
/// </summary>
internal static class SpelledNumbers
{
    private const int MaxDigits = 19;
    private const int MaxGroups = 8;

    private static readonly SearchValues<string> s_digitWords = SearchValues.Create(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
         "cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"], StringComparison.OrdinalIgnoreCase);

    public static void Find(string text, PublishedContactIndex published, ref List<PiiMatch>? found)
    {
        if (text.AsSpan().IndexOfAny(s_digitWords) < 0)
        {
            return;
        }
        Span<char> digits = stackalloc char[MaxDigits];
        Span<int> groups = stackalloc int[MaxGroups];
        var (count, groupCount, start, end, overflow) = (0, 0, 0, 0, false);
        var i = 0;
        while (true)
        {
            // Between words: spaces keep the group; one comma, hyphen or dot starts the next; anything else ends the run.
            var gap = i;
            var (breaks, other) = (0, false);
            while (i < text.Length && !char.IsAsciiLetter(text[i]))
            {
                breaks += IsBreak(text[i]) ? 1 : 0;
                other |= text[i] is not ' ' && !IsBreak(text[i]);
                i++;
            }
            if (groupCount > 0 && (other || breaks > 1 || i - gap > 3 || i >= text.Length))
            {
                if (!overflow)
                {
                    Classify(text, start, end, digits[..count], groups[..groupCount], published, ref found);
                }
                (count, groupCount, overflow) = (0, 0, false);
            }
            else if (groupCount > 0 && breaks == 1)
            {
                overflow |= groupCount == MaxGroups;
                groupCount = Math.Min(groupCount + 1, MaxGroups);
                groups[groupCount - 1] = 0;
            }
            if (i >= text.Length)
            {
                return;
            }
            var wordStart = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }
            var digit = Digit(text.AsSpan(wordStart, i - wordStart));
            if (digit < 0)
            {
                if (groupCount > 0 && !overflow)
                {
                    Classify(text, start, end, digits[..count], groups[..groupCount], published, ref found);
                }
                (count, groupCount, overflow) = (0, 0, false);
                continue;
            }
            if (groupCount == 0)
            {
                (start, groupCount) = (wordStart, 1);
                groups[0] = 0;
            }
            overflow |= count == MaxDigits;
            if (!overflow)
            {
                digits[count++] = (char)('0' + digit);
                groups[groupCount - 1]++;
            }
            end = i;
        }
    }

    private static void Classify(string text, int start, int end, ReadOnlySpan<char> digits, ReadOnlySpan<int> groups, PublishedContactIndex published,
        ref List<PiiMatch>? found)
    {
        if (groups[^1] == 0)
        {
            groups = groups[..^1];
        }
        // "two-oh-eight, five five five": single words joined by hyphens are one group.
        Span<int> merged = stackalloc int[groups.Length];
        var mergedCount = 0;
        for (var g = 0; g < groups.Length; g++)
        {
            if (groups[g] == 1 && g > 0 && groups[g - 1] == 1 && mergedCount > 0 && merged[mergedCount - 1] < 3)
            {
                merged[mergedCount - 1]++;
            }
            else
            {
                merged[mergedCount++] = groups[g];
            }
        }
        var joined = merged[..mergedCount];
        var phoneCue = NumberFinder.After(text, start, NumberFinder.s_phoneCues, NumberFinder.CueWindow);
        var card = text.Contains("card", StringComparison.OrdinalIgnoreCase);
        var nanp = digits.Length == 11 && digits[0] == '1' ? digits[1..] : digits;
        PiiKind? kind = null;
        if (digits.Length == 14 && digits[0] == '2' && card)
        {
            kind = PiiKind.LibraryCard;
        }
        else if (digits.Length is >= 13 and <= 19 && (card || Are(groups, 4, 4, 4, 4)) && NumberFinder.Luhn(digits))
        {
            kind = PiiKind.PaymentCard;
        }
        else if (nanp.Length == 10 && NumberFinder.IsNanp(nanp) && !NumberFinder.IsTollFree(nanp) &&
            (Are(groups, 3, 3, 4) || Are(groups, 1, 3, 3, 4) || Are(joined, 3, 3, 4) || phoneCue))
        {
            kind = PiiKind.Phone;
        }
        else if (digits.Length == 9 && NumberFinder.IsIssuedSsn(digits) &&
            (Are(groups, 3, 2, 4) || Are(joined, 3, 2, 4) || NumberFinder.After(text, start, NumberFinder.s_ssnCues, NumberFinder.CueWindow)))
        {
            kind = PiiKind.Ssn;
        }
        else if (digits.Length == 7 && digits[0] >= '2' && Are(groups, 3, 4) && phoneCue)
        {
            kind = PiiKind.Phone;
        }
        if (kind is { } spelled && !(spelled == PiiKind.Phone && published.IsPublishedPhone(digits)))
        {
            (found ??= []).Add(new PiiMatch(spelled, start, end, PiiMasks.Mask(spelled, digits)));
        }
    }

    /// <summary>Between digit words, what starts the next group: a comma, hyphen, dash, dot or bullet.</summary>
    private static bool IsBreak(char c) => c is ',' or '-' or '.' or '\u2013' or '\u2014' or '\u2022' or '\u00B7';

    private static bool Are(ReadOnlySpan<int> groups, params ReadOnlySpan<int> lengths) => groups.SequenceEqual(lengths);

    private static int Digit(ReadOnlySpan<char> word) => word.Length switch
    {
        _ when Spanish(word) is var spanish and >= 0 => spanish,
        1 => word[0] is 'o' or 'O' ? 0 : -1,
        2 => word.Equals("oh", StringComparison.OrdinalIgnoreCase) ? 0 : -1,
        3 => word.Equals("one", StringComparison.OrdinalIgnoreCase) ? 1 : word.Equals("two", StringComparison.OrdinalIgnoreCase) ? 2 :
            word.Equals("six", StringComparison.OrdinalIgnoreCase) ? 6 : -1,
        4 => word.Equals("zero", StringComparison.OrdinalIgnoreCase) ? 0 : word.Equals("four", StringComparison.OrdinalIgnoreCase) ? 4 :
            word.Equals("five", StringComparison.OrdinalIgnoreCase) ? 5 : word.Equals("nine", StringComparison.OrdinalIgnoreCase) ? 9 : -1,
        5 => word.Equals("three", StringComparison.OrdinalIgnoreCase) ? 3 : word.Equals("seven", StringComparison.OrdinalIgnoreCase) ? 7 :
            word.Equals("eight", StringComparison.OrdinalIgnoreCase) ? 8 : -1,
        _ => -1,
    };

    private static readonly string[] s_spanish = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve"];

    /// <summary>A Spanish digit word's value (<c>dos cero ocho</c>), or -1.</summary>
    private static int Spanish(ReadOnlySpan<char> word)
    {
        for (var d = 0; d < s_spanish.Length; d++)
        {
            if (word.Equals(s_spanish[d], StringComparison.OrdinalIgnoreCase))
            {
                return d;
            }
        }
        return -1;
    }
}
