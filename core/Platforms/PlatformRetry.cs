using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using SocialMonitor.Core.Scanning;

namespace SocialMonitor.Core.Platforms;

/// <summary>
/// The retry pipeline every platform's HttpClient uses, around a 30-second timeout per attempt: the platform's own rule
/// says whether an answer (or a failure to get one) is tried again and after how long (it may read the answer's body:
/// the body is buffered, so the client reads the same answer afterwards); the waits of one request stay within
/// <c>Scan__MaxWaitSeconds</c>. A longer wait is not taken: the answer goes back to the client, which reports it as
/// throttled, and the scanner stops the account until the next run, which resumes from its cursors. Time is the app's
/// <see cref="TimeProvider"/>. See docs/architecture.md, "The shared HTTP path".
/// </summary>
public static partial class PlatformRetry
{
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(2);

    private static readonly ResiliencePropertyKey<TimeSpan> s_waited = new("socialmonitor.platform.waited");
    private static readonly ResiliencePropertyKey<TimeSpan> s_next = new("socialmonitor.platform.next-wait");

    /// <summary>The wait before the next attempt (<paramref name="attempt"/> 0 for the first retry), or null when the answer is final.</summary>
    public delegate ValueTask<TimeSpan?> WaitRule(HttpResponseMessage? response, Exception? exception, int attempt, TimeProvider time, CancellationToken cancellationToken);

    /// <summary>Adds the retry (at most <paramref name="maxRetries"/>, waits by <paramref name="wait"/>) and the attempt timeout; retries are logged as <paramref name="platform"/>'s, URLs scrubbed of <paramref name="secrets"/>.</summary>
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, IServiceProvider services, Type category, string platform,
        PlatformSecrets secrets, int maxRetries, WaitRule wait)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(category);
        ArgumentNullException.ThrowIfNull(secrets);
        ArgumentNullException.ThrowIfNull(wait);
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        builder.TimeProvider = time;
        var maxWait = TimeSpan.FromSeconds(services.GetRequiredService<IOptions<ScanOptions>>().Value.MaxWaitSeconds);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(category.FullName!);
        builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = maxRetries,
            ShouldHandle = async args =>
            {
                if (await wait(args.Outcome.Result, args.Outcome.Exception, args.AttemptNumber, time, args.Context.CancellationToken).ConfigureAwait(false) is not { } next)
                {
                    return false;
                }
                var waited = args.Context.Properties.GetValue(s_waited, TimeSpan.Zero);
                if (waited + next > maxWait)
                {
                    return false; // Longer than Scan__MaxWaitSeconds: the account stops; the next run resumes.
                }
                args.Context.Properties.Set(s_waited, waited + next);
                args.Context.Properties.Set(s_next, next);
                return true;
            },
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(args.Context.Properties.GetValue(s_next, BaseDelay)),
            OnRetry = args =>
            {
                LogRetry(logger, platform, secrets.Scrub(args.Outcome.Result?.RequestMessage?.RequestUri?.ToString() ?? "(request)"),
                    args.Outcome.Result is { } r ? (int)r.StatusCode : 0, args.Outcome.Exception?.GetType().Name ?? "", args.RetryDelay.TotalSeconds, args.AttemptNumber + 1);
                return ValueTask.CompletedTask;
            },
        });
        builder.AddTimeout(AttemptTimeout);
    }

    /// <summary>2 s, 4 s, 8 s… plus up to a quarter more at random, so that scans retrying together do not stay together.</summary>
    public static TimeSpan Backoff(int attempt) =>
        BaseDelay * Math.Pow(2, Math.Min(attempt, 10)) * (1 + (Random.Shared.NextDouble() / 4));

    [LoggerMessage(EventId = 10, Level = LogLevel.Warning, Message = "{Platform} GET {Url} answered {Status}{Exception}; waiting {Seconds:0.#} s before attempt {Attempt}")]
    private static partial void LogRetry(ILogger logger, string platform, string url, int status, string exception, double seconds, int attempt);
}
