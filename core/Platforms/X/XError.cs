using System.Globalization;
using System.Text.Json;

namespace SocialMonitor.Core.Platforms.X;

/// <summary>
/// An X error answer, read defensively: a problem JSON (<c>{"title","type","status","detail"}</c>), the v1.1 shape
/// (<c>{"errors":[{"code":88,"message":…}]}</c>) or plain text (<c>Rate limit exceeded</c>). What it means is decided by
/// the HTTP status first (<see cref="XClient"/>); the body only names it.
/// </summary>
internal sealed record XError(string? Type, string? Title, string? Detail, int? Code)
{
    public const string NotFoundType = "https://api.twitter.com/2/problems/resource-not-found";

    /// <summary>The problem type's last segment (<c>client-not-enrolled</c>), or the v1.1 code, as the platform code; null when the body names neither.</summary>
    public string? CodeText => Type is { Length: > 0 } t && t != "about:blank"
        ? t[(t.LastIndexOf('/') + 1)..]
        : Code?.ToString(CultureInfo.InvariantCulture);

    public string Describe(string body) =>
        Detail ?? Title ?? (body.Trim() is { Length: > 0 and <= 200 } text && !text.StartsWith('{') ? text : "no X error body");

    public static XError Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new XError(null, null, null, null);
            }
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            {
                var first = errors[0];
                int? code = first.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var n) ? n : null;
                return new XError(XItemMapper.String(first, "type"), XItemMapper.String(first, "title"),
                    XItemMapper.String(first, "detail") ?? XItemMapper.String(first, "message"), code);
            }
            return new XError(XItemMapper.String(root, "type"), XItemMapper.String(root, "title"), XItemMapper.String(root, "detail"), null);
        }
        catch (JsonException)
        {
            return new XError(null, null, null, null); // The 2020 429 body is plain text.
        }
    }
}
