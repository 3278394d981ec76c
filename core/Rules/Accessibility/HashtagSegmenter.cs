using SocialMonitor.Core.Rules.Conduct;

namespace SocialMonitor.Core.Rules.Accessibility;

/// <summary>
/// Splits a hashtag's letters into the fewest English words (the policy's <c>english-words</c>), so
/// <c>summerreading</c> is "summer reading" and <c>library</c> stays one word. Words of one letter do not count, except
/// "a" between two words (<c>readtoadog</c>).
/// </summary>
internal static class HashtagSegmenter
{
    private const int MaxLength = 64;
    private const int MaxWordLength = 24;

    /// <summary>The fewest words <paramref name="tag"/> (lowercase letters) splits into, or 0 when it does not split into words.</summary>
    public static int CountWords(ReadOnlySpan<char> tag, WordList words)
    {
        if (tag.Length is 0 or > MaxLength)
        {
            return 0;
        }
        Span<int> fewest = stackalloc int[tag.Length + 1];
        fewest.Fill(int.MaxValue);
        fewest[0] = 0;
        for (var end = 1; end <= tag.Length; end++)
        {
            for (var start = Math.Max(0, end - MaxWordLength); start <= end - 1; start++)
            {
                if (fewest[start] != int.MaxValue && fewest[start] + 1 < fewest[end] && IsWord(tag, start, end, words))
                {
                    fewest[end] = fewest[start] + 1;
                }
            }
        }
        return fewest[tag.Length] == int.MaxValue ? 0 : fewest[tag.Length];
    }

    /// <summary>A listed word of two letters or more, or the article "a" between two words (<c>readtoadog</c>, not <c>abook</c>).</summary>
    private static bool IsWord(ReadOnlySpan<char> tag, int start, int end, WordList words) =>
        end - start >= 2 ? words.Contains(tag[start..end]) : tag[start] == 'a' && start > 0 && end < tag.Length;
}
