namespace SocialMonitor.Core.Platforms;

/// <summary>What a failed platform call means for the scan, whatever the platform; each client maps its own codes onto these.</summary>
public enum PlatformErrorKind
{
    /// <summary>Anything else (a server error after retries, a truncated or unreadable body): the queue retries the scan.</summary>
    Other,

    /// <summary>The token is invalid, expired or revoked: the account stops; a capture finding.</summary>
    Token,

    /// <summary>A permission or feature is missing for this stream: the stream is skipped; a capture finding per stream.</summary>
    Permission,

    /// <summary>Throttled beyond <c>Scan__MaxWaitSeconds</c>: the account stops and resumes next run.</summary>
    Throttled,

    /// <summary>The object read (or the object whose list was read) does not exist: the scanner confirms it with <see cref="IPlatformClient.IsGoneAsync"/>.</summary>
    NotFound,

    /// <summary>The platform's budget for this period is spent (<see cref="PlatformBudget"/>): no read is sent until the next period.</summary>
    BudgetExhausted,
}
