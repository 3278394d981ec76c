namespace SocialMonitor.Core.Platforms;

/// <summary>A platform call that failed. The message names platform, account and URL, with every token stripped.</summary>
public sealed class PlatformException : Exception
{
    public PlatformException(string message) : base(message)
    {
    }

    public PlatformException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public PlatformException()
    {
    }

    public int? StatusCode { get; init; }
    public int? ErrorCode { get; init; }
    public int? ErrorSubcode { get; init; }

    /// <summary>What the failure means for the scan; <see cref="PlatformErrorKind.Other"/> unless the platform said more.</summary>
    public PlatformErrorKind Kind { get; init; }

    /// <summary>For <see cref="PlatformErrorKind.Throttled"/>: how long the platform asked to wait, when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
