using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using SocialMonitor.Core.Queues;

namespace SocialMonitor.Functions;

/// <summary>A notify message that failed five times becomes a capture finding. A failure is recorded and rethrown, so the host retries and then poisons the message.</summary>
public sealed class NotifyPoison(QueueMessageProcessor processor)
{
    [Function(nameof(NotifyPoison))]
    public Task Run([QueueTrigger(QueueNames.NotifyPoison)] QueueMessage message, CancellationToken cancellationToken) =>
        processor.ProcessAsync(QueueNames.NotifyPoison, message.Body.ToString(), message.DequeueCount, cancellationToken);
}
