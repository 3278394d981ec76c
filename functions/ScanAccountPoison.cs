using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using SocialMonitor.Core.Queues;

namespace SocialMonitor.Functions;

/// <summary>A scan-account message that failed five times becomes a capture finding. A failure is recorded and rethrown, so the host retries and then poisons the message.</summary>
public sealed class ScanAccountPoison(QueueMessageProcessor processor)
{
    [Function(nameof(ScanAccountPoison))]
    public Task Run([QueueTrigger(QueueNames.ScanAccountPoison)] QueueMessage message, CancellationToken cancellationToken) =>
        processor.ProcessAsync(QueueNames.ScanAccountPoison, message.Body.ToString(), message.DequeueCount, cancellationToken);
}
