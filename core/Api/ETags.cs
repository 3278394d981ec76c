using System.Buffers.Text;
using System.Text;

namespace SocialMonitor.Core.Api;

/// <summary>
/// The HTTP form of a finding's or an approval's version: a strong entity tag wrapping the table row's ETag (base64url, so it is always a
/// valid quoted string), and back from an <c>If-Match</c> header. <c>If-Match: *</c> is not accepted: it would let a
/// change overwrite one the caller never saw.
/// </summary>
public static class ETags
{
    public static string ToHeader(string rowETag) => $"\"{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(rowETag))}\"";

    /// <summary>The row ETags an <c>If-Match</c> header names (weak or strong, quoted); null when it names none we issued.</summary>
    public static IReadOnlyList<string>? FromIfMatch(string header)
    {
        var tags = new List<string>();
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var tag = part.StartsWith("W/", StringComparison.Ordinal) ? part[2..] : part;
            if (tag.Length < 2 || tag[0] != '"' || tag[^1] != '"')
            {
                continue;
            }
            try
            {
                tags.Add(Encoding.UTF8.GetString(Base64Url.DecodeFromChars(tag.AsSpan(1, tag.Length - 2))));
            }
            catch (FormatException)
            {
                // Not one of ours: it matches nothing.
            }
        }
        return tags.Count == 0 ? null : tags;
    }
}
