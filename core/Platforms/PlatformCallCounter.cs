namespace SocialMonitor.Core.Platforms;

/// <summary>
/// Sits inside a platform's retry pipeline (<see cref="PlatformHttpRegistration.AddPlatformHttpClient"/>), so it sees every
/// attempt: each request that leaves for the platform is counted once against its session's stream, with its quota
/// units, retries included, because each one counts against the platform's limits.
/// </summary>
internal sealed class PlatformCallCounter : DelegatingHandler
{
    internal static readonly HttpRequestOptionsKey<(PlatformSession Session, string Stream, int Units)> SessionKey = new("socialmonitor.session");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(SessionKey, out var counted))
        {
            counted.Session.Count(counted.Stream, counted.Units);
        }
        return base.SendAsync(request, cancellationToken);
    }
}
