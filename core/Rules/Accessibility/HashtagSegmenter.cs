using SocialMonitor.Core.Rules.Conduct;

namespace SocialMonitor.Core.Rules.Accessibility;

/// <summary>
/// Splits a hashtag's letters into the fewest English words (the policy's <c>english-words</c>), so
/// <c>summerreading</c> is "summer reading" and <c>library</c> stays one word. Words of one letter do not count.
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
            for (var start = Math.Max(0, end - MaxWordLength); start <= end - 2; start++)
            {
                if (fewest[start] != int.MaxValue && fewest[start] + 1 < fewest[end] && words.Contains(tag[start..end]))
                {
                    fewest[end] = fewest[start] + 1;
                }
            }
        }
        return fewest[tag.Length] == int.MaxValue ? 0 : fewest[tag.Length];
    }
}
