using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using SocialMonitor.Core.Scanning;

namespace SocialMonitor.Core.Platforms.LinkedIn;

/// <summary>
/// The Polly pipeline of the LinkedIn HttpClient: a retry of transient faults (a lost connection, a timeout, 5xx, 408) and
/// of 429 around a 30-second timeout per attempt. LinkedIn's 429 carries no rate headers and no <c>Retry-After</c> (its
/// limits are daily, per app and per member, reset at midnight UTC), so the wait is exponential back-off with jitter
/// (2 s, 4 s, 8 s… plus up to a quarter), never beyond <c>Scan__MaxWaitSeconds</c> in all per request. A wait beyond that
/// is not taken: the answer goes back to the client, which reports it as throttled, and the scanner stops the account
/// until the next run, which resumes from its cursors. Time is the app's <see cref="TimeProvider"/>.
/// </summary>
public static partial class LinkedInResilience
{
    public const string PipelineName = "linkedin-rest";
    public const int MaxRetries = 5;
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(2);

    private static readonly ResiliencePropertyKey<TimeSpan> s_waited = new("socialmonitor.linkedin.waited");
    private static readonly ResiliencePropertyKey<TimeSpan> s_next = new("socialmonitor.linkedin.next-wait");

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(services);
        builder.TimeProvider = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var maxWait = TimeSpan.FromSeconds(services.GetRequiredService<IOptions<ScanOptions>>().Value.MaxWaitSeconds);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LinkedInResilience).FullName!);
        builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = MaxRetries,
            ShouldHandle = args =>
            {
                if (!IsTransient(args.Outcome.Result, args.Outcome.Exception))
                {
                    return ValueTask.FromResult(false);
                }
                var wait = Backoff(args.AttemptNumber);
                var waited = args.Context.Properties.GetValue(s_waited, TimeSpan.Zero);
                if (waited + wait > maxWait)
                {
                    return ValueTask.FromResult(false); // Longer than Scan__MaxWaitSeconds: the account stops; the next run resumes.
                }
                args.Context.Properties.Set(s_waited, waited + wait);
                args.Context.Properties.Set(s_next, wait);
                return ValueTask.FromResult(true);
            },
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Context.Properties.GetValue(s_next, BaseDelay)),
            OnRetry = args =>
            {
                LogRetry(logger, LinkedInClient.Secrets.Scrub(args.Outcome.Result?.RequestMessage?.RequestUri?.ToString() ?? "(request)"),
                    args.Outcome.Result is { } r ? (int)r.StatusCode : 0, args.RetryDelay.TotalSeconds, args.AttemptNumber + 1);
                return ValueTask.CompletedTask;
            },
        });
        builder.AddTimeout(AttemptTimeout);
    }

    /// <summary>What is worth trying again: no answer, a timeout, 5xx, 408 and 429; never 401, 403 or 404.</summary>
    internal static bool IsTransient(HttpResponseMessage? response, Exception? exception) =>
        exception is HttpRequestException or TimeoutRejectedException
        || response is { StatusCode: >= HttpStatusCode.InternalServerError or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests };

    /// <summary>2 s, 4 s, 8 s… plus up to a quarter more at random, so that scans retrying together do not stay together.</summary>
    internal static TimeSpan Backoff(int attempt) =>
        BaseDelay * Math.Pow(2, Math.Min(attempt, 10)) * (1 + (Random.Shared.NextDouble() / 4));

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "LinkedIn GET {Url} answered {Status}; waiting {Seconds:0.#} s before attempt {Attempt}")]
    private static partial void LogRetry(ILogger logger, string url, int status, double seconds, int attempt);
}
