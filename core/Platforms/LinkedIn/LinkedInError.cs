using System.Globalization;
using System.Text.Json;

namespace SocialMonitor.Core.Platforms.LinkedIn;

/// <summary>
/// A Rest.li error body in either era: the older <c>{"serviceErrorCode":65600,"message","status"}</c> and the newer one that
/// adds a <c>code</c> string (<c>REVOKED_ACCESS_TOKEN</c>, <c>EXPIRED_ACCESS_TOKEN</c>, <c>ACCESS_DENIED</c>). The HTTP status
/// decides the kind; the codes only confirm it and go to the record.
/// </summary>
internal sealed record LinkedInError(int? ServiceErrorCode, string? Code, string? Message)
{
    /// <summary>65600 (invalid), 65601 (revoked), 65602 (expired) or the newer code strings: the token is no good.</summary>
    public bool IsBadToken => ServiceErrorCode is 65600 or 65601 or 65602
        || Code is "EXPIRED_ACCESS_TOKEN" or "REVOKED_ACCESS_TOKEN" or "INVALID_ACCESS_TOKEN";

    /// <summary>The code for the record: the <c>code</c> string with its service code (<c>"REVOKED_ACCESS_TOKEN/65601"</c>), or either alone.</summary>
    public string? CodeText => (Code, ServiceErrorCode) switch
    {
        (null, null) => null,
        (var code, null) => code,
        (null, var service) => service.Value.ToString(CultureInfo.InvariantCulture),
        (var code, var service) => string.Create(CultureInfo.InvariantCulture, $"{code}/{service}"),
    };

    /// <summary>The error of a body, or null when it is not a Rest.li error body (an HTML page, a truncated answer).</summary>
    public static LinkedInError? Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            int? service = root.TryGetProperty("serviceErrorCode", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var n) ? n : null;
            var code = root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            var message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            return service is null && code is null && message is null ? null : new LinkedInError(service, code, message);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
