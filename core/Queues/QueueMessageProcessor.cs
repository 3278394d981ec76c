using Microsoft.Extensions.Logging;
using SocialMonitor.Core.Evaluation;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Notifications;
using SocialMonitor.Core.Scanning;

namespace SocialMonitor.Core.Queues;

/// <summary>
/// Runs one queue message through its handler: the single path the queue-triggered functions and
/// <c>socialmonitor work</c> share. A failure is recorded (attempt, time, error) and rethrown, so the queue delivers the
/// message again; after <see cref="QueueNames.MaxDequeueCount"/> attempts it goes to the poison queue, where
/// <see cref="DeadMessageHandler"/> turns it into a <c>capture</c> finding. Every handler is safe to run twice.
/// </summary>
public sealed class QueueMessageProcessor(
    AccountScanner scanner,
    ItemEvaluator evaluator,
    Notifier notifier,
    OutboxProcessor outbox,
    DeadMessageHandler deadMessages,
    FailedAttemptStore attempts,
    ILogger<QueueMessageProcessor> logger)
{
    public async Task ProcessAsync(string queue, string body, long dequeueCount, CancellationToken cancellationToken)
    {
        try
        {
            await DispatchAsync(queue, body, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await attempts.RecordAsync(queue, body, dequeueCount, e, cancellationToken);
            logger.LogWarning("Attempt {Attempt} of a {Queue} message failed: {Error}", dequeueCount, queue, Platforms.UrlScrubber.Scrub(e.Message));
            throw;
        }
    }

    private Task DispatchAsync(string queue, string body, CancellationToken cancellationToken) => queue switch
    {
        QueueNames.ScanAccount => scanner.ScanAsync(ItemJson.Deserialize<ScanAccountMessage>(body), cancellationToken),
        QueueNames.EvaluateItem => evaluator.EvaluateAsync(ItemJson.Deserialize<EvaluateItemMessage>(body), cancellationToken),
        QueueNames.Notify => notifier.NotifyAsync(ItemJson.Deserialize<NotifyMessage>(body), cancellationToken),
        QueueNames.SendEmail => outbox.ProcessAsync(ItemJson.Deserialize<OutboxMessage>(body), cancellationToken),
        _ when queue.EndsWith(QueueNames.PoisonSuffix, StringComparison.Ordinal) => deadMessages.HandleAsync(queue, body, cancellationToken),
        _ => throw new ArgumentException($"No handler for queue '{queue}'.", nameof(queue)),
    };
}
