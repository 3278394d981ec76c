using System.Text.Json;

namespace SocialMonitor.Core.Platforms.Facebook;

/// <summary>
/// A Graph API error body, <c>{"error":{"message","type","code","error_subcode","is_transient","fbtrace_id"}}</c>, and what
/// its code means. Classified by <c>code</c>, never by <c>type</c>: throttling arrives as <c>OAuthException</c> too.
/// </summary>
internal sealed record FacebookError(int? Code, int? Subcode, string? Message, bool IsTransient)
{
    /// <summary>Application (4), user (17), Page (32), custom (613) and business use case (80001–80014) limits.</summary>
    public bool IsThrottle => Code is 4 or 17 or 32 or 613 or (>= 80001 and <= 80014);

    /// <summary>A bad token: invalid, expired (subcode 463), revoked, password changed.</summary>
    public bool IsBadToken => Code == 190;

    /// <summary>A missing permission or feature (10, 200–299); 100 on an edge read means the same.</summary>
    public bool IsPermission => Code is 10 or (>= 200 and <= 299);

    /// <summary>The object read does not exist (or cannot be loaded): code 100, subcode 33.</summary>
    public bool IsMissingObject => Code == 100 && Subcode == 33;

    /// <summary>The code as text for the record: <c>"190"</c>, or <c>"100/33"</c> with its subcode; null when the body had no code.</summary>
    public string? CodeText => Code is not { } code ? null
        : Subcode is { } subcode ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{code}/{subcode}")
        : code.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The error of a body, or null when it is not a Graph API error body (an HTML page, a truncated answer).</summary>
    public static FacebookError? Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("error", out var error)
                || error.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            return new FacebookError(
                Int(error, "code"),
                Int(error, "error_subcode"),
                error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null,
                error.TryGetProperty("is_transient", out var t) && t.ValueKind == JsonValueKind.True);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static int? Int(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : null;
}
