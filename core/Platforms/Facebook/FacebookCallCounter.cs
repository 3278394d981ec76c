namespace SocialMonitor.Core.Platforms.Facebook;

/// <summary>
/// Sits inside the retry pipeline, so it sees every attempt: each request that leaves for Facebook is counted against
/// its session's stream, retries included, because each one counts against Meta's limits.
/// </summary>
internal sealed class FacebookCallCounter : DelegatingHandler
{
    internal static readonly HttpRequestOptionsKey<(PlatformSession Session, string Stream)> SessionKey = new("socialmonitor.session");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(SessionKey, out var counted))
        {
            counted.Session.Count(counted.Stream);
        }
        return base.SendAsync(request, cancellationToken);
    }
}
