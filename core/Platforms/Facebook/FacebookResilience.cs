using Polly;

namespace SocialMonitor.Core.Platforms.Facebook;

/// <summary>
/// The one Polly pipeline of the Facebook (and Instagram) HttpClient, built once by the resilience handler: the shared
/// <see cref="PlatformRetry"/> pipeline with <see cref="FacebookRetry"/> as its rule (a 400 or 403's error body read for
/// its code), within <c>Scan__MaxWaitSeconds</c> of waiting per request, around a 30-second timeout per attempt. A wait
/// beyond the budget is not taken: the answer goes back to the client, which reports it as throttled, and the scanner
/// stops that account until the next run. Time is the app's <see cref="TimeProvider"/>, so tests wait on a fake clock.
/// </summary>
public static class FacebookResilience
{
    public const string PipelineName = "facebook-graph";
    public const int MaxRetries = 4;

    /// <summary>The request's page (Facebook's business use case object), set by the client on every request.</summary>
    internal static readonly HttpRequestOptionsKey<string> PageKey = new("socialmonitor.facebook.page");

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, IServiceProvider services) =>
        PlatformRetry.Configure(builder, services, typeof(FacebookResilience), "Facebook", FacebookClient.Secrets, MaxRetries, WaitAsync);

    private static async ValueTask<TimeSpan?> WaitAsync(HttpResponseMessage? response, Exception? exception, int attempt, TimeProvider time, CancellationToken cancellationToken)
    {
        FacebookError? error = null;
        if (response is { StatusCode: System.Net.HttpStatusCode.BadRequest or System.Net.HttpStatusCode.Forbidden })
        {
            // The body is buffered by reading it here, so the client reads the same answer afterwards.
            error = FacebookError.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        }
        var page = response?.RequestMessage?.Options.TryGetValue(PageKey, out var p) == true ? p : null;
        return FacebookRetry.Wait(response, error, exception, attempt, page, time);
    }
}
