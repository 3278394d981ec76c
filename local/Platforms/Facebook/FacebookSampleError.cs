using System.Globalization;

namespace SocialMonitor.Local.Platforms.Facebook;

/// <summary>
/// An error answer of the <see cref="FacebookGraph"/>, as the Graph API gives it: the HTTP status, the
/// <c>{"error":{"message","type","code","error_subcode","is_transient","fbtrace_id"}}</c> body and any headers (the
/// usage headers Meta sends with throttling).
/// </summary>
public sealed record FacebookSampleError(int Status, int Code, string Message, int? Subcode = null, string Type = "OAuthException", bool? IsTransient = null)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>A 500 with Facebook's "unknown error" (code 1), marked transient.</summary>
    public static FacebookSampleError ServerError() => new(500, 1, "An unknown error occurred", IsTransient: true);

    /// <summary>Code 4, the app-level limit, as HTTP 403 (not 429), marked transient.</summary>
    public static FacebookSampleError AppLimit() => new(403, 4, "(#4) Application request limit reached", IsTransient: true);

    /// <summary>Code 190, subcode 463: the token's session has expired.</summary>
    public static FacebookSampleError SessionExpired() => new(400, 190,
        "Error validating access token: Session has expired on Monday, 12-Oct-26 06:29:46 PDT. The current time is Thursday, 15-Oct-26 11:00:00 PDT.", 463);

    /// <summary>Code 100, subcode 33: the object read does not exist (or cannot be loaded).</summary>
    public static FacebookSampleError DoesNotExist(string id) => new(400, 100,
        $"Unsupported get request. Object with ID '{id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. "
        + "Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api", 33, "GraphMethodException");

    /// <summary>Code 200: a permission the edge needs is missing.</summary>
    public static FacebookSampleError MissingPermission(string permission) => new(403, 200,
        $"(#200) The permission(s) {permission} are not available. It could because either they require an advance access or were not granted.");

    /// <summary>
    /// Code 80001, the Pages business use case limit, with the <c>X-Business-Use-Case-Usage</c> header that says how
    /// many minutes until access comes back.
    /// </summary>
    public static FacebookSampleError PageLimit(string pageId, int minutes) => new(400, 80001,
        "(#80001) There have been too many calls to this Page account. Wait a bit and try again. For more info, please refer to https://developers.facebook.com/docs/graph-api/overview/rate-limiting.")
    {
        Headers = new Dictionary<string, string>
        {
            ["X-Business-Use-Case-Usage"] = string.Create(CultureInfo.InvariantCulture,
                $"{{\"{pageId}\":[{{\"type\":\"pages\",\"call_count\":104,\"total_cputime\":12,\"total_time\":31,\"estimated_time_to_regain_access\":{minutes}}}]}}"),
        },
    };
}
