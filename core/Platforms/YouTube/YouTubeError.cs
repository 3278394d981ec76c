using System.Text.Json;

namespace SocialMonitor.Core.Platforms.YouTube;

/// <summary>
/// A Google API error body, <c>{"error":{"code","message","errors":[{"message","domain","reason"}],"status"}}</c>, and
/// what its first <c>reason</c> means. Quota is a 403 with <c>quotaExceeded</c>, not a 429.
/// </summary>
internal sealed record YouTubeError(int? Code, string? Reason, string? Status, string? Message)
{
    /// <summary>The day's quota is spent: nothing is read until midnight Pacific.</summary>
    public bool IsQuotaExceeded => Reason is "quotaExceeded" or "dailyLimitExceeded";

    /// <summary>Too many requests too fast: retried with back-off.</summary>
    public bool IsRateLimited => Reason is "rateLimitExceeded" or "userRateLimitExceeded";

    /// <summary>A bad key or token: <c>keyInvalid</c>, <c>keyExpired</c>, <c>authError</c>, <c>required</c>, <c>forbidden</c>.</summary>
    public bool IsBadCredential => Reason is "keyInvalid" or "keyExpired" or "authError" or "required" or "forbidden" or "accessNotConfigured"
        || Status is "UNAUTHENTICATED";

    /// <summary>The video's owner turned comments off, or the caller may not read what it asked for.</summary>
    public bool IsPermission => Reason is "commentsDisabled" or "insufficientPermissions" or "channelClosed" or "channelSuspended"
        || Status is "PERMISSION_DENIED";

    /// <summary>The video, comment, playlist or channel read does not exist.</summary>
    public bool IsNotFound => Reason is "videoNotFound" or "commentNotFound" or "commentThreadNotFound" or "playlistNotFound"
        or "channelNotFound" or "parentCommentNotFound" || Code == 404;

    /// <summary>The code for the record: the reason (<c>quotaExceeded</c>), else the HTTP code.</summary>
    public string? CodeText => Reason ?? Code?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The error of a body, or null when it is not a Google error body.</summary>
    public static YouTubeError? Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            string? reason = null;
            if (error.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                reason = errors.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).Select(e => Text(e, "reason")).FirstOrDefault(r => r is not null);
            }
            var code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var n) ? n : (int?)null;
            return new YouTubeError(code, reason, Text(error, "status"), Text(error, "message"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
