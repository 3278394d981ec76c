using Microsoft.Extensions.Logging;
using SocialMonitor.Core.Evaluation;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Notifications;
using SocialMonitor.Core.Scanning;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Queues;

/// <summary>
/// Drains the queues the way the Functions host would (for <c>socialmonitor work</c>, <c>scan</c> and the demo): each
/// message to its queue's service, as the trigger of that queue binds it, through <see cref="QueueAttempts"/> (a failure
/// is recorded), deleted on success; on failure retried at once, and after <see cref="QueueNames.MaxDequeueCount"/>
/// attempts copied to its poison queue and deleted there, where <see cref="DeadMessageHandler"/> turns it into a capture
/// finding (a poison message that fails too stays hidden in its poison queue until the next run). Returns when a full
/// pass over the queues finds nothing, so it always ends. Every service is safe to run twice.
/// </summary>
public sealed class QueueDrainer(
    StorageClients storage,
    QueueAttempts attempts,
    AccountScanner scanner,
    ItemEvaluator evaluator,
    Notifier notifier,
    OutboxProcessor outbox,
    DeadMessageHandler deadMessages,
    ILogger<QueueDrainer> logger)
{
    private static readonly TimeSpan s_lease = TimeSpan.FromMinutes(5);

    /// <summary>What the functions' queue triggers bind (each trigger in <c>functions/</c> calls the same service).</summary>
    private readonly Dictionary<string, Func<string, CancellationToken, Task>> _handlers = new(StringComparer.Ordinal)
    {
        [QueueNames.ScanAccount] = (body, ct) => scanner.ScanAsync(ItemJson.Deserialize<ScanAccountMessage>(body), ct),
        [QueueNames.EvaluateItem] = (body, ct) => evaluator.EvaluateAsync(ItemJson.Deserialize<EvaluateItemMessage>(body), ct),
        [QueueNames.Notify] = (body, ct) => notifier.NotifyAsync(ItemJson.Deserialize<NotifyMessage>(body), ct),
        [QueueNames.SendEmail] = (body, ct) => outbox.ProcessAsync(ItemJson.Deserialize<OutboxMessage>(body), ct),
        [QueueNames.ScanAccountPoison] = (body, ct) => deadMessages.HandleAsync(QueueNames.ScanAccountPoison, body, ct),
        [QueueNames.EvaluateItemPoison] = (body, ct) => deadMessages.HandleAsync(QueueNames.EvaluateItemPoison, body, ct),
        [QueueNames.NotifyPoison] = (body, ct) => deadMessages.HandleAsync(QueueNames.NotifyPoison, body, ct),
        [QueueNames.SendEmailPoison] = (body, ct) => deadMessages.HandleAsync(QueueNames.SendEmailPoison, body, ct),
    };

    public static readonly IReadOnlyList<string> AllQueues =
        [.. QueueNames.All, QueueNames.ScanAccountPoison, QueueNames.EvaluateItemPoison, QueueNames.NotifyPoison, QueueNames.SendEmailPoison];

    /// <summary>Processes <paramref name="queues"/> in order until all are empty; returns the number of messages handled.</summary>
    public async Task<int> DrainAsync(IReadOnlyList<string> queues, CancellationToken cancellationToken)
    {
        if (queues.FirstOrDefault(q => !_handlers.ContainsKey(q)) is { } unknown)
        {
            throw new ArgumentException($"No handler for queue '{unknown}'.", nameof(queues));
        }
        var handled = 0;
        bool any;
        do
        {
            any = false;
            foreach (var name in queues)
            {
                var queue = await storage.QueueAsync(name, cancellationToken);
                var batch = await queue.ReceiveMessagesAsync(maxMessages: 16, s_lease, cancellationToken);
                foreach (var message in batch.Value)
                {
                    any = true;
                    handled++;
                    var body = message.Body.ToString();
                    try
                    {
                        await attempts.RunAsync(name, body, message.DequeueCount, ct => _handlers[name](body, ct), cancellationToken);
                        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                    }
                    catch (Exception) when (!cancellationToken.IsCancellationRequested)
                    {
                        if (message.DequeueCount >= QueueNames.MaxDequeueCount && !name.EndsWith(QueueNames.PoisonSuffix, StringComparison.Ordinal))
                        {
                            var poison = await storage.QueueAsync(name + QueueNames.PoisonSuffix, cancellationToken);
                            await poison.SendMessageAsync(body, cancellationToken);
                            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                            logger.LogWarning("A {Queue} message failed {Attempts} times and was moved to {Poison}", name, message.DequeueCount, poison.Name);
                        }
                        else if (name.EndsWith(QueueNames.PoisonSuffix, StringComparison.Ordinal))
                        {
                            // A dead message whose handler failed (storage down): it stays in its poison queue, hidden for the
                            // lease, so this pass ends; the next `work` (or the Functions host) handles it again.
                            logger.LogError("A {Queue} message could not be set aside; it stays in {Queue} for the next run", name, name);
                        }
                        else
                        {
                            await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: cancellationToken);
                        }
                    }
                }
            }
        }
        while (any);
        return handled;
    }
}
