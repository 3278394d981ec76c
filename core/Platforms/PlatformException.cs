namespace SocialMonitor.Core.Platforms;

/// <summary>
/// A platform call that failed. The message names platform, account and URL, with every secret stripped. What it means
/// for the scan is <see cref="Kind"/>, decided by the platform's client; the platform's own error code is kept only as
/// text, for the record (<see cref="PlatformCode"/>), and no code outside <c>core/Platforms</c> reads it.
/// </summary>
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

    /// <summary>The platform's own error code as text (Facebook <c>"100/33"</c>), or null when it gave none.</summary>
    public string? PlatformCode { get; init; }

    /// <summary>What the failure means for the scan; <see cref="PlatformErrorKind.Other"/> unless the platform said more.</summary>
    public PlatformErrorKind Kind { get; init; }

    /// <summary>For <see cref="PlatformErrorKind.Throttled"/>: how long the platform asked to wait, when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
