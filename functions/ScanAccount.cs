using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using SocialMonitor.Core.Queues;

namespace SocialMonitor.Functions;

/// <summary>Reads one account's new items and queues them for evaluation. A failure is recorded and rethrown, so the host retries and then poisons the message.</summary>
public sealed class ScanAccount(QueueMessageProcessor processor)
{
    [Function(nameof(ScanAccount))]
    public Task Run([QueueTrigger(QueueNames.ScanAccount)] QueueMessage message, CancellationToken cancellationToken) =>
        processor.ProcessAsync(QueueNames.ScanAccount, message.Body.ToString(), message.DequeueCount, cancellationToken);
}
