namespace SocialMonitor.Core.Platforms;

/// <summary>
/// One sealed client per platform, all on the same scanning path (<see cref="Scanning.AccountCapture"/>). A client reads
/// one stream at a time to its last page, confirms single deletions, and checks its token. Every answer it gets goes to
/// the session's recorder (the archive) before anything else is done with it, and every request is counted per stream.
/// </summary>
public interface IPlatformClient
{
    /// <summary>The platform name, as in <see cref="Accounts.PlatformNames"/>.</summary>
    string Platform { get; }

    /// <summary>Which account streams (<see cref="StreamNames.Profile"/>, roles, apps) the platform can show; the rest are "cannot verify".</summary>
    IReadOnlyList<string> AccountStreams { get; }

    /// <summary>
    /// What the platform lets the client read (posts, comments, replies, hidden state, deletions, edits, alt text,
    /// captions, profile, roles, apps): supported or "cannot verify", with notes on known gaps.
    /// </summary>
    PlatformCapabilities Capabilities { get; }

    /// <summary>
    /// Reads one stream to its last page: <see cref="StreamNames.Posts"/> since a time (with each post's change hint),
    /// the comments and replies of one post, or an account stream. Throws <see cref="PlatformException"/> (token stripped
    /// from every URL in it, <see cref="PlatformException.Kind"/> set) when a page cannot be read.
    /// </summary>
    Task<StreamRead> ReadAsync(PlatformSession session, StreamRequest request, CancellationToken cancellationToken);

    /// <summary>True only when the platform confirms that the item no longer exists (Facebook: code 100, subcode 33 on a read of its id).</summary>
    Task<bool> IsGoneAsync(PlatformSession session, string itemId, CancellationToken cancellationToken);

    /// <summary>The token's validity and expiry as the platform reports them (Facebook: <c>debug_token</c>).</summary>
    Task<TokenStatus> CheckTokenAsync(PlatformSession session, CancellationToken cancellationToken);
}
