using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using SocialMonitor.Core.Scanning;

namespace SocialMonitor.Core.Platforms.X;

/// <summary>
/// The one Polly pipeline of the X HttpClient: transient faults (a lost connection, a timeout, 5xx, 408) are retried with
/// back-off, and a 429 is retried at its <c>x-rate-limit-reset</c> (X sends no <c>Retry-After</c>), while the waits of one
/// request stay within <c>Scan__MaxWaitSeconds</c>; a longer wait is not taken, and the 429 goes back to the client, which
/// reports it as throttled (the account stops and the next run resumes from its cursors). 401, 402 and 403 are never
/// retried: they are a token or plan problem. Around a 30-second timeout per attempt; time is the app's TimeProvider.
/// </summary>
public static partial class XResilience
{
    public const string PipelineName = "x-api";
    public const int MaxRetries = 3;
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(2);

    private static readonly ResiliencePropertyKey<TimeSpan> s_waited = new("socialmonitor.x.waited");
    private static readonly ResiliencePropertyKey<TimeSpan> s_next = new("socialmonitor.x.next-wait");

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, IServiceProvider services)
    {
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        builder.TimeProvider = time;
        var maxWait = TimeSpan.FromSeconds(services.GetRequiredService<IOptions<ScanOptions>>().Value.MaxWaitSeconds);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(XResilience).FullName!);
        builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = MaxRetries,
            ShouldHandle = args =>
            {
                if (Wait(args.Outcome.Result, args.Outcome.Exception, args.AttemptNumber, time.GetUtcNow()) is not { } wait)
                {
                    return ValueTask.FromResult(false);
                }
                var waited = args.Context.Properties.GetValue(s_waited, TimeSpan.Zero);
                if (waited + wait > maxWait)
                {
                    return ValueTask.FromResult(false);
                }
                args.Context.Properties.Set(s_waited, waited + wait);
                args.Context.Properties.Set(s_next, wait);
                return ValueTask.FromResult(true);
            },
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Context.Properties.GetValue(s_next, BaseDelay)),
            OnRetry = args =>
            {
                LogRetry(logger, XClient.Secrets.Scrub(args.Outcome.Result?.RequestMessage?.RequestUri?.ToString() ?? "(request)"),
                    args.Outcome.Result is { } r ? (int)r.StatusCode : 0, args.RetryDelay.TotalSeconds, args.AttemptNumber + 1);
                return ValueTask.CompletedTask;
            },
        });
        builder.AddTimeout(AttemptTimeout);
    }

    /// <param name="attempt">0 for the first retry.</param>
    /// <returns>The wait before the next attempt, or null when the answer is final.</returns>
    internal static TimeSpan? Wait(HttpResponseMessage? response, Exception? exception, int attempt, DateTimeOffset now)
    {
        if (exception is HttpRequestException or TimeoutRejectedException)
        {
            return Backoff(attempt);
        }
        if (response is null)
        {
            return null;
        }
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return XRateLimits.Reset(response.Headers) is { } reset ? (reset > now ? reset - now : TimeSpan.Zero) + TimeSpan.FromSeconds(1) : Backoff(attempt);
        }
        return (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout ? Backoff(attempt) : null;
    }

    private static TimeSpan Backoff(int attempt) => BaseDelay * Math.Pow(2, Math.Min(attempt, 10)) * (1 + (Random.Shared.NextDouble() / 4));

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "X GET {Url} answered {Status}; waiting {Seconds:0.#} s before attempt {Attempt}")]
    private static partial void LogRetry(ILogger logger, string url, int status, double seconds, int attempt);
}
