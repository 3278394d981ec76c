using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace SocialMonitor.Local;

/// <summary>
/// What paging fakes share: opaque cursors that stand for a position in a list, and the absolute URL of the next page (the
/// same request with the cursor parameter replaced), whatever the platform calls its cursor (<c>after</c>, <c>pageToken</c>,
/// <c>pagination_token</c>).
/// </summary>
public static class LoopbackPaging
{
    private const string CursorPrefix = "sample-cursor:";

    /// <summary>An opaque cursor for position <paramref name="index"/>.</summary>
    public static string Cursor(int index) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(CursorPrefix + index.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The position a <see cref="Cursor"/> stands for; null when it is not one.</summary>
    public static int? Position(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor) || !Base64Url.IsValid(cursor))
        {
            return null;
        }
        var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        return text.StartsWith(CursorPrefix, StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(CursorPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                ? index
                : null;
    }

    /// <summary>
    /// The absolute URL of <paramref name="request"/> with every query parameter kept (a token too, as the platforms do)
    /// except those in <paramref name="drop"/>, and <paramref name="name"/>=<paramref name="value"/> last.
    /// </summary>
    public static string NextUrl(HttpRequest request, string name, string value, params IReadOnlyList<string> drop)
    {
        ArgumentNullException.ThrowIfNull(request);
        var url = new StringBuilder().Append(request.Scheme).Append("://").Append(request.Host.Value)
            .Append(request.PathBase.Value).Append(request.Path.Value).Append('?');
        foreach (var (key, values) in request.Query)
        {
            if (key == name || drop.Contains(key))
            {
                continue;
            }
            foreach (var item in values)
            {
                url.Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(item ?? "")).Append('&');
            }
        }
        return url.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value)).ToString();
    }
}
