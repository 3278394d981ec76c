using SocialMonitor.Core.Platforms;

namespace SocialMonitor.Core.Scanning;

/// <summary>
/// One stream of one scan: what was read (or why not), and the cursor to store once its items are queued. A failure
/// of kind <see cref="PlatformErrorKind.Token"/> or <see cref="PlatformErrorKind.Throttled"/> ends the account's scan.
/// </summary>
public sealed record StreamResult(string Stream, string? Target, StreamRead? Read, StreamCursor Cursor, PlatformException? Failure = null)
{
    public string Key => StreamNames.Key(Stream, Target);

    /// <summary>For a posts read: the time it read from (deletions are looked for among the posts since then).</summary>
    public DateTimeOffset? Since { get; init; }

    public bool Stops => Failure?.Kind is PlatformErrorKind.Token or PlatformErrorKind.Throttled;
}
