using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using SocialMonitor.Core.Scanning;

namespace SocialMonitor.Core.Platforms.Facebook;

/// <summary>
/// The one Polly pipeline of the Facebook HttpClient, built once by the resilience handler: a retry that honours
/// <see cref="FacebookRetry"/> within <c>Scan__MaxWaitSeconds</c> of waiting per request, around a 30-second timeout per
/// attempt. A wait beyond the budget is not taken: the answer goes back to the client, which reports it as throttled,
/// and the scanner stops that account until the next run. Time is the app's <see cref="TimeProvider"/>, so tests wait
/// on a fake clock.
/// </summary>
public static partial class FacebookResilience
{
    public const string PipelineName = "facebook-graph";
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);
    public const int MaxRetries = 4;

    /// <summary>The request's page (Facebook's business use case object), set by the client on every request.</summary>
    internal static readonly HttpRequestOptionsKey<string> PageKey = new("socialmonitor.facebook.page");

    private static readonly ResiliencePropertyKey<TimeSpan> s_waited = new("socialmonitor.waited");
    private static readonly ResiliencePropertyKey<TimeSpan> s_next = new("socialmonitor.next-wait");

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, IServiceProvider services)
    {
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        builder.TimeProvider = time;
        var maxWait = TimeSpan.FromSeconds(services.GetRequiredService<IOptions<ScanOptions>>().Value.MaxWaitSeconds);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FacebookResilience).FullName!);
        builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = MaxRetries,
            ShouldHandle = args => ShouldRetryAsync(args, maxWait, time),
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Context.Properties.GetValue(s_next, FacebookRetry.BaseDelay)),
            OnRetry = args =>
            {
                LogRetry(logger, FacebookClient.Secrets.Scrub(args.Outcome.Result?.RequestMessage?.RequestUri?.ToString() ?? "(request)"),
                    args.Outcome.Result is { } r ? (int)r.StatusCode : 0, args.Outcome.Exception?.GetType().Name ?? "",
                    args.RetryDelay.TotalSeconds, args.AttemptNumber + 1);
                return ValueTask.CompletedTask;
            },
        });
        builder.AddTimeout(AttemptTimeout);
    }

    private static async ValueTask<bool> ShouldRetryAsync(RetryPredicateArguments<HttpResponseMessage> args, TimeSpan maxWait, TimeProvider time)
    {
        var response = args.Outcome.Result;
        FacebookError? error = null;
        if (response is { StatusCode: System.Net.HttpStatusCode.BadRequest or System.Net.HttpStatusCode.Forbidden })
        {
            // The body is buffered by reading it here, so the client reads the same answer afterwards.
            error = FacebookError.Parse(await response.Content.ReadAsStringAsync(args.Context.CancellationToken).ConfigureAwait(false));
        }
        var page = response?.RequestMessage?.Options.TryGetValue(PageKey, out var p) == true ? p : null;
        if (FacebookRetry.Wait(response, error, args.Outcome.Exception, args.AttemptNumber, page, time) is not { } wait)
        {
            return false;
        }
        var waited = args.Context.Properties.GetValue(s_waited, TimeSpan.Zero);
        if (waited + wait > maxWait)
        {
            return false; // Longer than Scan__MaxWaitSeconds: the caller stops this account and the next run resumes from its cursors.
        }
        args.Context.Properties.Set(s_waited, waited + wait);
        args.Context.Properties.Set(s_next, wait);
        return true;
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning,
        Message = "Facebook GET {Url} answered {Status}{Exception}; waiting {Seconds:0.#} s before attempt {Attempt}")]
    private static partial void LogRetry(ILogger logger, string url, int status, string exception, double seconds, int attempt);
}
