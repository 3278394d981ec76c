namespace SocialMonitor.Local.Platforms.YouTube;

/// <summary>
/// An error answer of the <see cref="YouTubeDataApi"/>, in Google's envelope:
/// <c>{"error":{"code","message","errors":[{"message","domain","reason"}],"status"}}</c>.
/// </summary>
public sealed record YouTubeSampleError(int Status, string Reason, string Domain, string Message, string? GoogleStatus = null)
{
    public static YouTubeSampleError QuotaExceeded() => new(403, "quotaExceeded", "youtube.quota",
        "The request cannot be completed because you have exceeded your <a href=\"/youtube/v3/getting-started#quota\">quota</a>.");

    public static YouTubeSampleError KeyInvalid() => new(400, "keyInvalid", "usageLimits", "Bad Request");

    public static YouTubeSampleError LoginRequired() => new(401, "required", "global",
        "Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.", "UNAUTHENTICATED");

    public static YouTubeSampleError CommentsDisabled() => new(403, "commentsDisabled", "youtube.commentThread",
        "The video identified by the <code><a href=\"/youtube/v3/docs/commentThreads/list#videoId\">videoId</a></code> parameter has disabled comments.");

    public static YouTubeSampleError VideoNotFound() => new(404, "videoNotFound", "youtube.commentThread",
        "The video identified by the <code><a href=\"/youtube/v3/docs/commentThreads/list#videoId\">videoId</a></code> parameter could not be found.");

    public static YouTubeSampleError RateLimited() => new(403, "rateLimitExceeded", "youtube.quota", "The request cannot be completed because you have exceeded your rate limit.");

    public static YouTubeSampleError Forbidden() => new(403, "forbidden", "youtube.commentThread",
        "The request is not properly authorized to retrieve the specified comment threads.");

    public static YouTubeSampleError ServerError() => new(500, "backendError", "global", "Backend Error");
}
