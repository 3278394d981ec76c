using System.Buffers;
using System.Runtime.CompilerServices;
using SocialMonitor.Core.Policies;

namespace SocialMonitor.Core.Rules.Conduct;

/// <summary>
/// Profanity with letters masked by asterisks or symbols inside the word (<c>f*ck</c>, <c>f**k</c>, <c>sh*tty</c>,
/// <c>clusterf#ck</c>, <c>f***</c>, <c>a$$</c>): the masked word read against the policy's single-word profanity (English and Spanish;
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

    public static MaskedProfanity For(Policy policy) => s_byPolicy.GetValue(policy, static p => new MaskedProfanity(
        [.. p.List("conduct.profanity").Concat(p.List("conduct.profanity.es")).Concat(p.Tiers.Mild ? p.List("conduct.profanity.mild") : [])
            .Select(t => t.TrimEnd('*').ToLowerInvariant())
            .Where(t => t.Length >= 3 && !t.AsSpan().ContainsAnyExceptInRange('a', 'z'))
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(t => t.Length)]));

    /// <summary>The first masked profane word in <paramref name="text"/>: the word it reads as, and where it stands as written.</summary>
    public (string Term, int Start, int Length)? Find(string text)
    {
        var span = text.AsSpan();
        Span<char> lower = stackalloc char[MaxToken];
        for (var at = span.IndexOfAny(s_masks); at >= 0;)
        {
            var start = at;
            while (start > 0 && IsTokenChar(span[start - 1]))
            {
                start--;
            }
            var end = at;
            while (end < span.Length && IsTokenChar(span[end]))
            {
                end++;
            }
            var token = span[start..end];
            if (token.Length <= MaxToken && char.IsLetter(token[0]) && token.ToLowerInvariant(lower) is var length && Match(lower[..length]) is { } term)
            {
                return (term, start, end - start);
            }
            var next = end < span.Length ? span[end..].IndexOfAny(s_masks) : -1;
            at = next < 0 ? -1 : end + next;
        }
        return null;
    }

    private string? Match(ReadOnlySpan<char> token)
    {
        var trailing = token.Length - token.TrimEnd("*#%$").Length;
        if (trailing == 1 || !token.ContainsAny(s_masks))
        {
            return null;
        }
        foreach (var word in _words)
        {
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
                    return word;
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

    private static bool IsTokenChar(char c) => char.IsLetter(c) || s_masks.Contains(c);
}
