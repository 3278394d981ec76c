using SocialMonitor.Core.Platforms;

namespace SocialMonitor.Core.Scanning;

/// <summary>
/// One stream of one scan: what was read (or why not), and the cursor to store once its items are queued. A failure
/// of kind <see cref="PlatformErrorKind.Token"/>, <see cref="PlatformErrorKind.Throttled"/> or
/// <see cref="PlatformErrorKind.BudgetExhausted"/> ends the account's scan.
/// </summary>
public sealed record StreamResult(string Stream, string? Target, StreamRead? Read, StreamCursor Cursor, PlatformException? Failure = null)
{
    public string Key => StreamNames.Key(Stream, Target);

    /// <summary>For an every-scan stream: the time it read from (deletions are looked for among its items since then).</summary>
    public DateTimeOffset? Since { get; init; }

    public bool Stops => Failure?.Kind is PlatformErrorKind.Token or PlatformErrorKind.Throttled or PlatformErrorKind.BudgetExhausted;
}
