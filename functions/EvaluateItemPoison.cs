using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using SocialMonitor.Core.Queues;

namespace SocialMonitor.Functions;

/// <summary>An evaluate-item message that failed five times becomes a capture finding. A failure is recorded and rethrown, so the host retries and then poisons the message.</summary>
public sealed class EvaluateItemPoison(QueueMessageProcessor processor)
{
    [Function(nameof(EvaluateItemPoison))]
    public Task Run([QueueTrigger(QueueNames.EvaluateItemPoison)] QueueMessage message, CancellationToken cancellationToken) =>
        processor.ProcessAsync(QueueNames.EvaluateItemPoison, message.Body.ToString(), message.DequeueCount, cancellationToken);
}
