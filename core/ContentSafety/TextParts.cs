namespace SocialMonitor.Core.ContentSafety;

/// <summary>
/// Splits a text longer than one request may carry into parts of at most <c>max</c> UTF-16 characters (so at most
/// <c>max</c> code points too), each ending at a sentence boundary: after ".", "!", "?" or a line break and the spaces
/// that follow. A sentence longer than a whole part is cut at its last space within the part, and a text without one at
/// the limit itself (never inside a surrogate pair). Joined again, the parts are the text.
/// </summary>
public static class TextParts
{
    public static IReadOnlyList<string> Split(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 2);
        var parts = new List<string>();
        var start = 0;
        while (text.Length - start > max)
        {
            var end = LastBoundary(text, start, max);
            parts.Add(text[start..end]);
            start = end;
        }
        if (start < text.Length || parts.Count == 0)
        {
            parts.Add(text[start..]);
        }
        return parts;
    }

    /// <summary>Where the part that begins at <paramref name="start"/> ends (exclusive): the last sentence end within reach, else the last space.</summary>
    private static int LastBoundary(string text, int start, int max)
    {
        var limit = start + max;
        var space = -1;
        for (var i = limit; i > start; i--)
        {
            // A part may end at i when the character before i is a sentence end, or a space that follows one.
            var before = text[i - 1];
            if (before is '\n' or '\r' || (before is '.' or '!' or '?' && (i == text.Length || char.IsWhiteSpace(text[i]))))
            {
                return i;
            }
            if (char.IsWhiteSpace(before))
            {
                var j = i - 1;
                while (j > start && char.IsWhiteSpace(text[j - 1]))
                {
                    j--;
                }
                if (j > start && text[j - 1] is '.' or '!' or '?')
                {
                    return i;
                }
                if (space < 0)
                {
                    space = i;
                }
            }
        }
        if (space > start)
        {
            return space;
        }
        return char.IsHighSurrogate(text[limit - 1]) ? limit - 1 : limit;
    }
}
