namespace SocialMonitor.Core.Platforms;

/// <summary>
/// One sealed client per platform, all on the same scanning path (<see cref="Scanning.AccountCapture"/>), which runs the
/// client's <see cref="Plan"/>. A client reads one stream at a time to its last page, confirms single deletions, and
/// checks its token; it sends every request through <see cref="PlatformHttp"/>, which archives every answer before
/// anything else is done with it, counts every request per stream and scrubs the secrets the client declares.
/// See docs/architecture.md, "Adding a platform".
/// </summary>
public interface IPlatformClient
{
    /// <summary>The platform name, as in <see cref="Accounts.PlatformNames"/>.</summary>
    string Platform { get; }

    /// <summary>The streams the client reads, when, and the platform's budget if it has one.</summary>
    ReadPlan Plan { get; }

    /// <summary>
    /// What the platform lets the client read (posts, comments, replies, hidden state, deletions, edits, alt text,
    /// captions, profile, roles, apps): supported or "cannot verify", with notes on known gaps.
    /// </summary>
    PlatformCapabilities Capabilities { get; }

    /// <summary>
    /// The hosts the platform serves profile pictures and banners from (a subdomain of one counts): the only hosts the
    /// scanner fetches a profile image from (<see cref="Images.ImageFetcher"/>). Each client says in a comment why each is its own.
    /// </summary>
    IReadOnlyList<string> ImageHosts { get; }

    /// <summary>
    /// Reads one stream of the <see cref="Plan"/> to its last page: an every-scan stream since a time (the posts stream with
    /// each post's change hint), a per-post stream of one post (<see cref="StreamRequest.Target"/>), or a daily stream.
    /// Throws <see cref="PlatformException"/> (secrets stripped from every URL in it, <see cref="PlatformException.Kind"/>
    /// set) when a page cannot be read.
    /// </summary>
    Task<StreamRead> ReadAsync(PlatformSession session, StreamRequest request, CancellationToken cancellationToken);

    /// <summary>True only when the platform confirms that the item no longer exists, on a read of its id.</summary>
    Task<bool> IsGoneAsync(PlatformSession session, string itemId, CancellationToken cancellationToken);

    /// <summary>The token's validity and expiry as the platform reports them (Facebook: <c>debug_token</c>).</summary>
    Task<TokenStatus> CheckTokenAsync(PlatformSession session, CancellationToken cancellationToken);
}
