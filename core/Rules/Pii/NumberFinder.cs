namespace SocialMonitor.Core.Rules.Pii;

/// <summary>
/// Finds phone, library card, Social Security and payment card numbers among the digit runs of a text. A run is
/// digit groups joined by at most three of <c>space - . ( ) /</c>, not glued to letters (<c>5CD2345</c>, <c>PS3562</c>).
/// Each run is read from its first group, trying the longest layout first:
/// <list type="bullet">
/// <item>library card: 14 digits starting with 2, any grouping;</item>
/// <item>payment card: 13 to 19 digits in groups of three or more (the last may have two, as Diners Club's 4-4-4-2),
/// a card network's prefix and a valid Luhn check;</item>
/// <item>SSN: 3-2-4 (hyphens or spaces) in the issued ranges, or 9 digits after "SSN"/"social";</item>
/// <item>phone: North American numbers (area and exchange 2-9xx, not toll-free: 8xx with a doubled digit) as 3-3-4
/// (also <c>208 - 555 - 0123</c> and <c>208/555/0123</c>), (3) 3-4, 1-3-3-4, +1; ten bare digits, 3-7 or seven (3-4)
/// only after a word like "call", "text" or "number" (a 3-4 with a space or dot not after "call number" or "Dewey",
/// a shelf mark).</item>
/// </list>
/// A run after a reference word in the same sentence ("ISBN", "order", "tracking", "invoice", "confirmation") is never
/// personal data; dates and fractions (slashes other than a phone's), prices (commas), years, Dewey and LC call numbers
/// and item barcodes (14 digits starting with 3) do not fit any layout. <see cref="ReadLetterO"/> reads a letter O
/// written for a zero.
/// </summary>
internal static class NumberFinder
{
    private const int MaxGroups = 19;
    private const int MinDigits = 7;
    internal const int CueWindow = 24;
    private const int ReferenceWindow = 40;

    internal static readonly string[] s_phoneCues = ["call", "text", "phone", "cell", "number", "tel", "reach", "contact", "dial", "fax", "mobile", "whatsapp", "landline"];
    internal static readonly string[] s_ssnCues = ["ssn", "social", "ss#", "security"];

    /// <summary>Words before a shelf mark (<c>call number 641.5973</c>), which a local number written with a dot or space is not.</summary>
    private static readonly string[] s_shelfCues = ["call number", "call no.", "call #", "dewey", "shelved"];

    /// <summary>Words that, between a reference word and a number, make it personal data after all.</summary>
    private static readonly string[] s_personalCues = ["card", "phone", "cell", "ssn", "social", "call", "text me"];

    private static readonly char[] s_sentenceEnds = ['.', '!', '?', '\n'];

    /// <summary>Words naming a number that is no one's personal data: a book's, an order's or a parcel's.</summary>
    private static readonly string[] s_referenceCues = ["isbn", "order", "invoice", "tracking", "confirmation", "receipt", "reference", "ref", "sku", "oclc", "lccn"];

    /// <summary>
    /// The text with each letter O that stands for a zero inside a number (<c>2o8-555-o1o7</c>, <c>21234OO5550187</c>)
    /// read as 0: an o beside a digit and beside no other letter. The same string when there is none (no copy).
    /// </summary>
    public static string ReadLetterO(string text)
    {
        char[]? copy = null;
        for (var i = text.AsSpan().IndexOfAny('o', 'O'); i >= 0; i = text.AsSpan(i + 1).IndexOfAny('o', 'O') is var next and >= 0 ? i + 1 + next : -1)
        {
            var before = i > 0 ? text[i - 1] : ' ';
            var after = i + 1 < text.Length ? text[i + 1] : ' ';
            var beside0 = char.IsAsciiDigit(before) || (copy is not null && copy[i - 1] == '0' && before is 'o' or 'O');
            if ((beside0 || char.IsAsciiDigit(after)) && !IsLetterNotO(before) && !IsLetterNotO(after) &&
                (beside0 || !(before is 'o' or 'O')))
            {
                copy ??= text.ToCharArray();
                copy[i] = '0';
            }
        }
        return copy is null ? text : new string(copy);
    }

    private static bool IsLetterNotO(char c) => char.IsLetter(c) && c is not ('o' or 'O');

    public static void Find(string text, ref List<PiiMatch>? found)
    {
        Span<int> starts = stackalloc int[MaxGroups];
        Span<int> ends = stackalloc int[MaxGroups];
        List<Run>? runs = null;
        var i = 0;
        while (i < text.Length)
        {
            var next = text.AsSpan(i).IndexOfAnyInRange('0', '9');
            if (next < 0)
            {
                break;
            }
            i += next;
            if (i > 0 && (char.IsLetterOrDigit(text[i - 1]) || text[i - 1] == '_'))
            {
                i = SkipWord(text, i);
                continue;
            }
            var count = 0;
            var p = i;
            var digits = 0;
            while (true)
            {
                var start = p;
                while (p < text.Length && char.IsAsciiDigit(text[p]))
                {
                    p++;
                }
                starts[count] = start;
                ends[count] = p;
                digits += p - start;
                count++;
                var q = p;
                while (q < text.Length && q - p < 3 && IsSeparator(text[q]))
                {
                    q++;
                }
                if (count == MaxGroups || q == p || q >= text.Length || !char.IsAsciiDigit(text[q]))
                {
                    break;
                }
                p = q;
            }
            var end = ends[count - 1];
            if (end < text.Length && char.IsLetter(text[end]))
            {
                digits -= ends[count - 1] - starts[count - 1];
                count--;
            }
            if (count > 0 && !IsReference(text, i) && !IsFileName(text, end))
            {
                if (digits >= MinDigits)
                {
                    Classify(text, starts[..count], ends[..count], ref found);
                }
                (runs ??= []).Add(new Run(starts[0], ends[count - 1], Lengths(starts[..count], ends[..count])));
            }
            i = end < text.Length && char.IsLetter(text[end]) ? SkipWord(text, end) : end;
        }
        if (runs is { Count: > 1 })
        {
            FindSplit(text, runs, ref found);
        }
    }

    /// <summary>A run of digit groups: where it starts and ends, and its groups' lengths.</summary>
    private readonly record struct Run(int Start, int End, int[] Groups);

    private static int[] Lengths(ReadOnlySpan<int> starts, ReadOnlySpan<int> ends)
    {
        var lengths = new int[starts.Length];
        for (var g = 0; g < lengths.Length; g++)
        {
            lengths[g] = ends[g] - starts[g];
        }
        return lengths;
    }

    /// <summary>
    /// A number given in parts, across a sentence or a few words ("starts with 208-555. The rest is 0177", "first three
    /// are 604, middle two are 28, last four 3317", "the first half is 2206800 and the second half is 1420577"): two to
    /// four runs no run of which is personal data alone, at most <see cref="SplitGap"/> characters apart and none followed
    /// by a word it counts ("531 pages"), read together
    /// when the text names the kind (a phone word, "SSN"/"social", "card") and they make its whole layout: 3-3-4 for a
    /// phone, 3-2-4 for an SSN, 14 digits from a 2 for a library card, a payment card's length, prefix and Luhn check.
    /// </summary>
    private static void FindSplit(string text, List<Run> runs, ref List<PiiMatch>? found)
    {
        Span<char> digits = stackalloc char[19];
        for (var first = 0; first < runs.Count; first++)
        {
            for (var last = Math.Min(runs.Count - 1, first + 3); last > first; last--)
            {
                if (Gapped(text, runs, first, last) || Overlaps(found, runs[first].Start, runs[last].End))
                {
                    continue;
                }
                var groups = runs[first..(last + 1)].SelectMany(r => r.Groups).ToArray();
                var length = groups.Sum();
                if (length is < MinDigits or > 19)
                {
                    continue;
                }
                var written = 0;
                for (var r = first; r <= last; r++)
                {
                    foreach (var c in text.AsSpan(runs[r].Start, runs[r].End - runs[r].Start))
                    {
                        if (char.IsAsciiDigit(c))
                        {
                            digits[written++] = c;
                        }
                    }
                }
                if (SplitKind(text, digits[..length], groups) is { } kind)
                {
                    (found ??= []).Add(new PiiMatch(kind, runs[first].Start, runs[last].End, PiiMasks.Mask(kind, digits[..length])));
                    first = last;
                    break;
                }
            }
        }
    }

    private const int SplitGap = 40;

    /// <summary>Two neighbouring runs of <paramref name="first"/>..<paramref name="last"/> further apart than <see cref="SplitGap"/>, or a paragraph between.</summary>
    private static bool Gapped(string text, List<Run> runs, int first, int last)
    {
        for (var r = first + 1; r <= last; r++)
        {
            var gap = text.AsSpan(runs[r - 1].End, runs[r].Start - runs[r - 1].End);
            if (gap.Length > SplitGap || gap.Contains("\n\n", StringComparison.Ordinal) || Counts(gap))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A part followed by a word that counts something ("531 pages"), not by punctuation, "and" or "then".</summary>
    private static bool Counts(ReadOnlySpan<char> gap)
    {
        var word = gap.TrimStart(' ');
        if (word.Length == gap.Length || word.IsEmpty || !char.IsLetter(word[0]))
        {
            return false;
        }
        var end = word.IndexOfAnyExcept(s_letters);
        word = end < 0 ? word : word[..end];
        return !(word.Equals("and", StringComparison.OrdinalIgnoreCase) || word.Equals("then", StringComparison.OrdinalIgnoreCase));
    }

    private static readonly System.Buffers.SearchValues<char> s_letters = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

    private static bool Overlaps(List<PiiMatch>? found, int start, int end) => found is not null && found.Exists(m => m.Start < end && start < m.End);

    private static PiiKind? SplitKind(string text, ReadOnlySpan<char> digits, int[] groups)
    {
        var card = text.Contains("card", StringComparison.OrdinalIgnoreCase);
        if (digits.Length == 14 && digits[0] == '2' && card && !IsTimestamp(digits))
        {
            return PiiKind.LibraryCard;
        }
        if (digits.Length is >= 13 and <= 19 && card && groups[..^1].All(g => g >= 3) && HasCardPrefix(digits) && Luhn(digits))
        {
            return PiiKind.PaymentCard;
        }
        if (digits.Length == 9 && groups.SequenceEqual([3, 2, 4]) && IsIssuedSsn(digits) && After(text, text.Length, s_ssnCues, text.Length))
        {
            return PiiKind.Ssn;
        }
        return digits.Length == 10 && groups.SequenceEqual([3, 3, 4]) && IsNanp(digits) && !IsTollFree(digits) &&
            After(text, text.Length, s_phoneCues, text.Length) ? PiiKind.Phone : null;
    }

    private static void Classify(string text, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, ref List<PiiMatch>? found)
    {
        Span<char> digits = stackalloc char[20];
        var s = 0;
        while (s < starts.Length)
        {
            var matched = false;
            for (var e = starts.Length; e > s && !matched; e--)
            {
                var total = 0;
                for (var g = s; g < e; g++)
                {
                    total += ends[g] - starts[g];
                }
                if (total is < MinDigits or > 19)
                {
                    continue;
                }
                var length = 0;
                for (var g = s; g < e; g++)
                {
                    text.AsSpan(starts[g], ends[g] - starts[g]).CopyTo(digits[length..]);
                    length += ends[g] - starts[g];
                }
                if (Match(text, starts[s..e], ends[s..e], digits[..length]) is { } kind)
                {
                    var start = starts[s] > 0 && text[starts[s] - 1] is '(' or '+' ? starts[s] - 1 : starts[s];
                    (found ??= []).Add(new PiiMatch(kind, start, ends[e - 1], PiiMasks.Mask(kind, digits[..length])));
                    s = e;
                    matched = true;
                }
            }
            if (!matched)
            {
                s++;
            }
        }
    }

    private static PiiKind? Match(string text, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, ReadOnlySpan<char> digits)
    {
        var groups = starts.Length;
        if (HasSlash(text, starts, ends))
        {
            // 208/555/0166 is a phone and 519/47/1186 an SSN; dates, fractions and other slashed runs are nothing.
            return digits.Length == 10 && IsNanp(digits) && groups == 3 && Lengths(starts, ends, 3, 3, 4) ? PiiKind.Phone :
                digits.Length == 9 && groups == 3 && Lengths(starts, ends, 3, 2, 4) && IsIssuedSsn(digits) ? PiiKind.Ssn : null;
        }
        // Digits spaced out one by one (2 0 8 5 5 5 …) read as one bare run.
        var bare = groups == 1 || digits.Length == groups;
        if (digits.Length == 14 && digits[0] == '2' && !(bare && IsTimestamp(digits)))
        {
            return PiiKind.LibraryCard;
        }
        if (digits.Length is >= 13 and <= 19 && AllGroupsAtLeast(starts[..^1], ends[..^1], 3) && ends[^1] - starts[^1] >= 2 && HasCardPrefix(digits) && Luhn(digits))
        {
            return PiiKind.PaymentCard;
        }
        if (digits.Length == 9 &&
            ((groups == 3 && Lengths(starts, ends, 3, 2, 4) && SameSeparators(text, starts, ends)) ||
             (bare && (After(text, starts[0], s_ssnCues, CueWindow) || Before(text, ends[^1], s_ssnCues, CueWindow)))) &&
            IsIssuedSsn(digits))
        {
            return PiiKind.Ssn;
        }
        var nanp = digits.Length == 11 && digits[0] == '1' ? digits[1..] : digits;
        if (nanp.Length == 10 && IsNanp(nanp) && !IsTollFree(nanp) &&
            ((groups == 3 && Lengths(starts, ends, 3, 3, 4)) ||
             (groups == 4 && (Lengths(starts, ends, 1, 3, 3, 4) || Lengths(starts, ends, 3, 3, 2, 2))) ||
             (groups == 2 && Lengths(starts, ends, 3, 7) && After(text, starts[0], s_phoneCues, CueWindow)) ||
             (bare && (After(text, starts[0], s_phoneCues, CueWindow) || Before(text, ends[^1], s_phoneCues, CueWindow) ||
                       (starts[0] > 0 && text[starts[0] - 1] == '+')))))
        {
            return PiiKind.Phone;
        }
        if (digits.Length == 7 && groups == 2 && Lengths(starts, ends, 3, 4) && digits[0] >= '2' &&
            ends[0] + 1 == starts[1] && (text[ends[0]] == '-' || (text[ends[0]] is ' ' or '.' && !After(text, starts[0], s_shelfCues, CueWindow))) &&
            (After(text, starts[0], s_phoneCues, CueWindow) || (text[ends[0]] == '-' && !DigitJustBefore(text, starts[0]) && Before(text, ends[^1], s_phoneCues, CueWindow))))
        {
            return PiiKind.Phone;
        }
        return null;
    }

    /// <summary>
    /// Between digit groups: spaces, line breaks, dashes, dots, brackets, slashes, and the separators people type to
    /// dodge a filter or that a form shows (<c>• · _ ~ |</c>).
    /// </summary>
    private static bool IsSeparator(char c) => c is ' ' or '-' or '.' or '(' or ')' or '/' or '\n' or '\r' or '\u00A0' or '\u2011' or '\u2012' or '\u2013' or
        '\u2014' or '\u2022' or '\u00B7' or '_' or '~' or '|';

    /// <summary>A digit at most three characters before <paramref name="at"/>: the group is part of a longer number.</summary>
    private static bool DigitJustBefore(string text, int at) => text.AsSpan(Math.Max(0, at - 3), Math.Min(at, 3)).ContainsAnyInRange('0', '9');

    /// <summary>A run glued to a file extension (<c>20260915143000.jpg</c>): a file name, not a number.</summary>
    private static bool IsFileName(string text, int end) =>
        end + 1 < text.Length && text[end] == '.' && char.IsAsciiLetter(text[end + 1]);

    /// <summary>Fourteen digits that read as a time stamp <c>yyyyMMddHHmmss</c> (1990-2099): a camera's or export's, no card.</summary>
    private static bool IsTimestamp(ReadOnlySpan<char> d)
    {
        static int Two(ReadOnlySpan<char> x, int at) => (x[at] - '0') * 10 + (x[at + 1] - '0');
        var century = Two(d, 0);
        return (century == 20 || (century == 19 && Two(d, 2) >= 90)) && Two(d, 4) is >= 1 and <= 12 && Two(d, 6) is >= 1 and <= 31 &&
            Two(d, 8) < 24 && Two(d, 10) < 60 && Two(d, 12) < 60;
    }

    /// <summary>Every gap between the groups is the same (<c>518-36-7124</c>, <c>523.61.8840</c>, <c>518_36_7124</c>, <c>518 - 36 - 7124</c>).</summary>
    private static bool SameSeparators(string text, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends)
    {
        for (var g = 1; g < starts.Length; g++)
        {
            var gap = text.AsSpan(ends[g - 1], starts[g] - ends[g - 1]);
            if (!gap.SequenceEqual(text.AsSpan(ends[0], starts[1] - ends[0])) || gap.ContainsAny('(', ')'))
            {
                return false;
            }
        }
        return true;
    }

    private static int SkipWord(string text, int i)
    {
        while (i < text.Length && char.IsLetterOrDigit(text[i]))
        {
            i++;
        }
        return i;
    }

    private static bool AllGroupsAtLeast(ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, int length)
    {
        for (var g = 0; g < starts.Length; g++)
        {
            if (ends[g] - starts[g] < length)
            {
                return false;
            }
        }
        return true;
    }

    private static bool Lengths(ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, params ReadOnlySpan<int> lengths)
    {
        if (starts.Length != lengths.Length)
        {
            return false;
        }
        for (var g = 0; g < lengths.Length; g++)
        {
            if (ends[g] - starts[g] != lengths[g])
            {
                return false;
            }
        }
        return true;
    }

    private static bool HasSlash(string text, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends)
    {
        for (var g = 1; g < starts.Length; g++)
        {
            if (text.AsSpan(ends[g - 1], starts[g] - ends[g - 1]).Contains('/'))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// A reference number, not personal data: a word such as "ISBN", "order" or "tracking" at most 40 characters before
    /// it in the same sentence, with no word for personal data between them ("order 2026… "; not "ordered, my card is …").
    /// </summary>
    private static bool IsReference(string text, int at)
    {
        var from = Math.Max(0, at - ReferenceWindow);
        var before = text.AsSpan(from, at - from);
        var sentence = before.LastIndexOfAny(s_sentenceEnds);
        if (sentence >= 0)
        {
            before = before[(sentence + 1)..];
        }
        var latest = -1;
        foreach (var cue in s_referenceCues)
        {
            for (var start = before.LastIndexOf(cue, StringComparison.OrdinalIgnoreCase); start >= 0; start = start == 0 ? -1 : before[..start].LastIndexOf(cue, StringComparison.OrdinalIgnoreCase))
            {
                var end = start + cue.Length;
                if ((start == 0 || !char.IsLetter(before[start - 1])) && (end == before.Length || !char.IsLetter(before[end])))
                {
                    latest = Math.Max(latest, end);
                    break;
                }
            }
        }
        return latest >= 0 && !ContainsAny(before[latest..], s_personalCues);
    }

    private static bool ContainsAny(ReadOnlySpan<char> text, string[] words)
    {
        foreach (var word in words)
        {
            if (text.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private static bool After(string text, int at, string cue, int window) =>
        text.AsSpan(Math.Max(0, at - window), Math.Min(at, window)).Contains(cue, StringComparison.OrdinalIgnoreCase);

    /// <summary>One of <paramref name="cues"/> within <paramref name="window"/> characters after <paramref name="at"/> ("2085550188 text me").</summary>
    private static bool Before(string text, int at, string[] cues, int window)
    {
        var after = text.AsSpan(at, Math.Min(window, text.Length - at));
        foreach (var cue in cues)
        {
            if (after.Contains(cue, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    internal static bool After(string text, int at, string[] cues, int window)
    {
        foreach (var cue in cues)
        {
            if (After(text, at, cue, window))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>800, 833, 844, 855, 866, 877, 888: toll-free numbers are businesses' and offices', never a private person's.</summary>
    internal static bool IsTollFree(ReadOnlySpan<char> ten) => ten[0] == '8' && ten[1] == ten[2] && ten[1] is '0' or '3' or '4' or '5' or '6' or '7' or '8';

    /// <summary>Area code and exchange both 2-9xx.</summary>
    internal static bool IsNanp(ReadOnlySpan<char> ten) => ten[0] >= '2' && ten[3] >= '2';

    /// <summary>Area 001-899 but not 666, group 01-99, serial 0001-9999; not the practice placeholder 123-45-6789.</summary>
    internal static bool IsIssuedSsn(ReadOnlySpan<char> nine) =>
        nine[..3] is not ("000" or "666") && nine[0] != '9' && nine[3..5] is not "00" && nine[5..] is not "0000" && nine is not "123456789";

    /// <summary>Visa 4; Mastercard 51-55 and 2221-2720; Amex 34, 37; Discover 6011, 644-649, 65; UnionPay 62; JCB 3528-3589; Diners 300-305, 36, 38, 39.</summary>
    private static bool HasCardPrefix(ReadOnlySpan<char> d)
    {
        var two = (d[0] - '0') * 10 + (d[1] - '0');
        var four = two * 100 + (d[2] - '0') * 10 + (d[3] - '0');
        return d[0] == '4' || two is >= 51 and <= 55 || four is >= 2221 and <= 2720 || two is 34 or 37 || four == 6011 ||
            four / 10 is >= 644 and <= 649 || two is 65 or 62 || four is >= 3528 and <= 3589 || four / 10 is >= 300 and <= 305 ||
            two is 36 or 38 or 39;
    }

    /// <summary>The Luhn check digit test over ASCII digits (payment cards); the mailer's masker uses it too.</summary>
    internal static bool Luhn(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var n = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                n = n * 2 is var twice && twice > 9 ? twice - 9 : twice;
            }
            sum += n;
        }
        return sum % 10 == 0;
    }
}
