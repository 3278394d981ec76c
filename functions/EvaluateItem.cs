using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using SocialMonitor.Core.Queues;

namespace SocialMonitor.Functions;

/// <summary>Runs the rules over one item and merges its findings. A failure is recorded and rethrown, so the host retries and then poisons the message.</summary>
public sealed class EvaluateItem(QueueMessageProcessor processor)
{
    [Function(nameof(EvaluateItem))]
    public Task Run([QueueTrigger(QueueNames.EvaluateItem)] QueueMessage message, CancellationToken cancellationToken) =>
        processor.ProcessAsync(QueueNames.EvaluateItem, message.Body.ToString(), message.DequeueCount, cancellationToken);
}
