using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using SocialMonitor.Core.Http;
using SocialMonitor.Core.Scanning;

namespace SocialMonitor.Core.Platforms.YouTube;

/// <summary>
/// The one Polly pipeline of the YouTube HttpClient: 5xx, 429 and 403 <c>rateLimitExceeded</c>/<c>userRateLimitExceeded</c>
/// are retried with exponential back-off (or the <c>Retry-After</c> Google sent, read by <see cref="RetryAfter"/>), within <c>Scan__MaxWaitSeconds</c> of
/// waiting per request, around a 30-second timeout per attempt. <c>quotaExceeded</c> is never retried: it lasts until
/// midnight Pacific. Every attempt costs a quota unit, so retries are few.
/// </summary>
public static partial class YouTubeResilience
{
    public const string PipelineName = "youtube-data";
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(2);
    public const int MaxRetries = 3;

    private static readonly ResiliencePropertyKey<TimeSpan> s_waited = new("socialmonitor.youtube.waited");
    private static readonly ResiliencePropertyKey<TimeSpan> s_next = new("socialmonitor.youtube.next-wait");

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, IServiceProvider services)
    {
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        builder.TimeProvider = time;
        var maxWait = TimeSpan.FromSeconds(services.GetRequiredService<IOptions<ScanOptions>>().Value.MaxWaitSeconds);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(YouTubeResilience).FullName!);
        builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = MaxRetries,
            ShouldHandle = args => ShouldRetryAsync(args, maxWait, time),
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Context.Properties.GetValue(s_next, BaseDelay)),
            OnRetry = args =>
            {
                LogRetry(logger, YouTubeClient.Secrets.Scrub(args.Outcome.Result?.RequestMessage?.RequestUri?.ToString() ?? "(request)"),
                    args.Outcome.Result is { } r ? (int)r.StatusCode : 0, args.RetryDelay.TotalSeconds, args.AttemptNumber + 1);
                return ValueTask.CompletedTask;
            },
        });
        builder.AddTimeout(AttemptTimeout);
    }

    private static async ValueTask<bool> ShouldRetryAsync(RetryPredicateArguments<HttpResponseMessage> args, TimeSpan maxWait, TimeProvider time)
    {
        var response = args.Outcome.Result;
        bool transient;
        if (args.Outcome.Exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException)
        {
            transient = true;
        }
        else if (response is null)
        {
            transient = false;
        }
        else if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            transient = true;
        }
        else if (response.StatusCode == HttpStatusCode.Forbidden)
        {
            // Buffered by reading it here, so the client reads the same answer afterwards.
            var error = YouTubeError.Parse(await response.Content.ReadAsStringAsync(args.Context.CancellationToken).ConfigureAwait(false));
            transient = error is { IsRateLimited: true };
        }
        else
        {
            transient = false;
        }
        if (!transient)
        {
            return false;
        }
        var wait = RetryAfter.Read(response, time) ?? BaseDelay * Math.Pow(2, args.AttemptNumber);
        var waited = args.Context.Properties.GetValue(s_waited, TimeSpan.Zero);
        if (waited + wait > maxWait)
        {
            return false; // Longer than Scan__MaxWaitSeconds: the account stops as throttled and the next run resumes from its cursors.
        }
        args.Context.Properties.Set(s_waited, waited + wait);
        args.Context.Properties.Set(s_next, wait);
        return true;
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "YouTube GET {Url} answered {Status}; waiting {Seconds:0.#} s before attempt {Attempt}")]
    private static partial void LogRetry(ILogger logger, string url, int status, double seconds, int attempt);
}
