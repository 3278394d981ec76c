namespace SocialMonitor.Core.Platforms;

/// <summary>
/// A client's reading of one error answer: what it means for the scan, the platform's own code as text (for the record,
/// e.g. Facebook <c>"190/463"</c>), what to show after the URL in the message (the platform's own words, secrets are
/// scrubbed afterwards), and the wait the platform asked for.
/// </summary>
public sealed record PlatformError(PlatformErrorKind Kind, string? Code, string Detail, TimeSpan? RetryAfter = null);
