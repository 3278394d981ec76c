using System.Buffers;
using System.Runtime.CompilerServices;
using SocialMonitor.Core.Policies;

namespace SocialMonitor.Core.Rules.Conduct;

/// <summary>
/// Profanity with letters masked by asterisks or symbols inside the word (<c>f*ck</c>, <c>f**k</c>, <c>sh*tty</c>,
/// <c>clusterf#ck</c>, <c>f***</c>, <c>a$$</c>, an emoji for a letter: <c>sh💩t</c>): the masked word read against the policy's single-word profanity (English and Spanish;
/// the mild words only when the mild tier is on). A mask must follow a letter, and one trailing mask is not enough,
/// so emphasis (<c>*New*</c>, <c>Saturday*</c>), hashtags, <c>C#</c> and <c>room #3</c> are never read as masked words.
/// One per policy; safe to share between threads.
/// </summary>
internal sealed class MaskedProfanity
{
    private const int MaxToken = 32;
    private static readonly ConditionalWeakTable<Policy, MaskedProfanity> s_byPolicy = [];
    private static readonly SearchValues<char> s_masks = SearchValues.Create("*#%$");
    private static readonly string[] s_suffixes = ["", "s", "ing", "in", "ed", "er", "ers", "ty", "y", "head", "hole", "face"];

    private readonly string[] _words;

    private MaskedProfanity(string[] words)
    {
        _words = words;
    }

    public static MaskedProfanity For(Policy policy) => s_byPolicy.GetValue(policy, static p => Create(p));

    /// <summary>The single words, longest first; a word its listed stem already covers (<c>shitty</c> by <c>shit*</c>) reads as the stem.</summary>
    private static MaskedProfanity Create(Policy policy)
    {
        var terms = policy.List("conduct.profanity").Concat(policy.List("conduct.profanity.es"))
            .Concat(policy.Tiers.Mild ? policy.List("conduct.profanity.mild") : []).Select(t => t.ToLowerInvariant()).ToList();
        var stems = terms.Where(t => t.EndsWith('*')).Select(t => t[..^1]).ToList();
        return new MaskedProfanity(
            [.. terms.Select(t => t.TrimEnd('*'))
                .Where(t => t.Length >= 3 && !t.AsSpan().ContainsAnyExceptInRange('a', 'z') && !stems.Exists(s => s != t && t.StartsWith(s, StringComparison.Ordinal)))
                .Distinct(StringComparer.Ordinal)
                .OrderByDescending(t => t.Length)]);
    }

    /// <summary>Whether <paramref name="text"/> has anything that can mask a letter (a symbol or an emoji).</summary>
    public static bool MayHaveMasks(ReadOnlySpan<char> text) => text.ContainsAny(s_masks) || text.ContainsAnyInRange('\uD800', '\uDBFF');

    /// <summary>The first masked profane word in <paramref name="text"/>: the word it reads as, and where it stands as written.</summary>
    public (string Term, int Start, int Length)? Find(string text) =>
        Next(text, 0, out var match) ? (match.Word, match.Start, match.End - match.Start) : null;

    /// <summary>
    /// <paramref name="text"/> with every masked profane word written out (<c>d*ck pic</c> as <c>dick pic</c>, an emoji
    /// mask as the letter and a zero-width space), the same length so every offset still points into the original; or
    /// null when nothing is masked.
    /// </summary>
    public string? Unmask(string text)
    {
        char[]? unmasked = null;
        for (var from = 0; Next(text, from, out var match); from = match.End)
        {
            unmasked ??= text.ToCharArray();
            var letter = 0;
            for (var i = match.Start; i < match.End && letter < match.Offset + match.Word.Length; i++)
            {
                var pair = char.IsHighSurrogate(text[i]) && i + 1 < match.End;
                if (letter >= match.Offset && (pair || s_masks.Contains(text[i])))
                {
                    unmasked[i] = match.Word[letter - match.Offset];
                    if (pair)
                    {
                        unmasked[++i] = '\u200B';
                    }
                }
                else if (pair)
                {
                    i++;
                }
                letter++;
            }
        }
        return unmasked is null ? null : new string(unmasked);
    }

    /// <summary>The next masked profane token from <paramref name="from"/>: its source span, the word and where in the token's letters it starts.</summary>
    private bool Next(string text, int from, out (string Word, int Start, int End, int Offset) match)
    {
        var span = text.AsSpan();
        Span<char> cells = stackalloc char[MaxToken];
        for (var at = NextMask(span, from); at >= 0;)
        {
            var start = at;
            while (start > from && IsTokenChar(span[start - 1]))
            {
                start--;
            }
            var end = at;
            while (end < span.Length && IsTokenChar(span[end]))
            {
                end++;
            }
            // One cell per letter as read: a symbol or a whole emoji (two UTF-16 units) is one masked letter.
            var length = 0;
            var emoji = false;
            for (var i = start; i < end && length <= MaxToken; i++, length++)
            {
                emoji |= char.IsSurrogate(span[i]);
                if (length < MaxToken)
                {
                    cells[length] = char.IsSurrogate(span[i]) ? '*' : char.ToLowerInvariant(span[i]);
                }
                if (char.IsHighSurrogate(span[i]))
                {
                    i++;
                }
            }
            // An emoji jammed between letters ("a🍎s") reads as a mask only in a word of four letters or more.
            if (length <= MaxToken && char.IsLetter(span[start]) && Match(cells[..length], emoji ? 4 : 3) is var (word, offset))
            {
                match = (word, start, end, offset);
                return true;
            }
            at = end < span.Length ? NextMask(span, end) : -1;
        }
        match = default;
        return false;
    }

    private static int NextMask(ReadOnlySpan<char> span, int from)
    {
        for (var i = from; i < span.Length; i++)
        {
            if (s_masks.Contains(span[i]) || char.IsHighSurrogate(span[i]))
            {
                return i;
            }
        }
        return -1;
    }

    private (string Word, int Offset)? Match(ReadOnlySpan<char> token, int minLength)
    {
        var trailing = token.Length - token.TrimEnd("*#%$").Length;
        if (trailing == 1 || !token.ContainsAny(s_masks))
        {
            return null;
        }
        foreach (var word in _words)
        {
            if (word.Length < minLength)
            {
                break;
            }
            for (var offset = 0; offset + word.Length <= token.Length; offset++)
            {
                if (token[..offset].ContainsAny(s_masks))
                {
                    break;
                }
                var window = token.Slice(offset, word.Length);
                if (!window.ContainsAny(s_masks) || window[0] != word[0] || !IsSuffix(token[(offset + word.Length)..]))
                {
                    continue;
                }
                var matches = true;
                for (var i = 0; i < word.Length && matches; i++)
                {
                    matches = window[i] == word[i] || s_masks.Contains(window[i]);
                }
                if (matches)
                {
                    return (word, offset);
                }
            }
        }
        return null;
    }

    private static bool IsSuffix(ReadOnlySpan<char> rest)
    {
        foreach (var suffix in s_suffixes)
        {
            if (rest.SequenceEqual(suffix))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsTokenChar(char c) => char.IsLetter(c) || s_masks.Contains(c) || char.IsSurrogate(c);
}
