using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using SocialMonitor.Core.Http;

namespace SocialMonitor.Core.ContentSafety;

/// <summary>
/// The Polly pipeline of the Content Safety HttpClient: a retry around a 10-second timeout per attempt. 429
/// (TooManyRequests: the resource's requests per second are used up) waits the answer's <c>Retry-After</c> (seconds or a
/// date: <see cref="RetryAfter"/>), at most <see cref="MaxRetryAfter"/>; a longer wait is not taken. 5xx (InternalError, ServerBusy: "retry a few
/// times after a small period", per "Azure AI Content Safety error codes"), a timed-out attempt and a failed connection
/// retry after 1, 2 and 4 seconds. Anything else (400 InvalidRequestBody, 401, 403) is not retried. What still fails goes
/// back to the client, and the item is evaluated by the rules alone. Time is the app's <see cref="TimeProvider"/>.
/// </summary>
public static partial class ContentSafetyResilience
{
    public const string PipelineName = "content-safety";
    public const int MaxRetries = 3;
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan BaseDelay = TimeSpan.FromSeconds(1);

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, IServiceProvider services)
    {
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        builder.TimeProvider = time;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ContentSafetyResilience).FullName!);
        builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = MaxRetries,
            ShouldHandle = args => ValueTask.FromResult(Wait(args.Outcome, args.AttemptNumber, time) is not null),
            DelayGenerator = args => ValueTask.FromResult(Wait(args.Outcome, args.AttemptNumber, time)),
            OnRetry = args =>
            {
                LogRetry(logger, args.Outcome.Result is { } r ? (int)r.StatusCode : 0, args.Outcome.Exception?.GetType().Name ?? "",
                    args.RetryDelay.TotalSeconds, args.AttemptNumber + 2);
                return ValueTask.CompletedTask;
            },
        });
        builder.AddTimeout(AttemptTimeout);
    }

    /// <summary>How long to wait before the next attempt after <paramref name="outcome"/> (attempt number 0-based), or null for no retry.</summary>
    public static TimeSpan? Wait(Outcome<HttpResponseMessage> outcome, int attempt, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var backoff = BaseDelay * Math.Pow(2, attempt);
        if (outcome.Exception is HttpRequestException or TimeoutRejectedException)
        {
            return backoff;
        }
        if (outcome.Result is not { } response)
        {
            return null;
        }
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var wait = RetryAfter.Read(response, time) ?? backoff;
            return wait <= MaxRetryAfter ? wait : null;
        }
        return (int)response.StatusCode >= 500 ? backoff : null;
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning,
        Message = "Azure AI Content Safety answered {Status}{Exception}; waiting {Seconds:0.#} s before attempt {Attempt}")]
    private static partial void LogRetry(ILogger logger, int status, string exception, double seconds, int attempt);
}
