namespace SocialMonitor.Core.Platforms;

/// <summary>What a failed platform call means for the scan.</summary>
public enum PlatformErrorKind
{
    /// <summary>Anything else (a server error after retries, a truncated or unreadable body): the queue retries the scan.</summary>
    Other,

    /// <summary>The token is invalid, expired or revoked (Facebook code 190): the account stops; a capture finding.</summary>
    Token,

    /// <summary>A permission or feature is missing for this stream (Facebook 10, 200–299, 100 on an edge): the stream is skipped.</summary>
    Permission,

    /// <summary>Throttled beyond <c>Scan__MaxWaitSeconds</c> (Facebook 4, 17, 32, 613, 80001–80014): the account stops and resumes next run.</summary>
    Throttled,

    /// <summary>The object read does not exist (Facebook 100 with subcode 33).</summary>
    NotFound,
}
