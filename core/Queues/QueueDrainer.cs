using Microsoft.Extensions.Logging;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Queues;

/// <summary>
/// Drains the queues the way the Functions host would (for <c>socialmonitor work</c>, <c>scan</c> and the demo): each
/// message through <see cref="QueueMessageProcessor"/>, deleted on success; on failure retried at once, and after
/// <see cref="QueueNames.MaxDequeueCount"/> attempts copied to its poison queue and deleted there, where the poison
/// handler turns it into a capture finding. Returns when a full pass over the queues finds nothing.
/// </summary>
public sealed class QueueDrainer(StorageClients storage, QueueMessageProcessor processor, ILogger<QueueDrainer> logger)
{
    private static readonly TimeSpan s_lease = TimeSpan.FromMinutes(5);

    public static readonly IReadOnlyList<string> AllQueues =
        [.. QueueNames.All, QueueNames.ScanAccountPoison, QueueNames.EvaluateItemPoison, QueueNames.NotifyPoison, QueueNames.SendEmailPoison];

    /// <summary>Processes <paramref name="queues"/> in order until all are empty; returns the number of messages handled.</summary>
    public async Task<int> DrainAsync(IReadOnlyList<string> queues, CancellationToken cancellationToken)
    {
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
                        await processor.ProcessAsync(name, body, message.DequeueCount, cancellationToken);
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
