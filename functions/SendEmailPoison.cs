using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using SocialMonitor.Core.Queues;

namespace SocialMonitor.Functions;

/// <summary>A send-email message that failed five times becomes a capture finding. A failure is recorded and rethrown, so the host retries and then poisons the message.</summary>
public sealed class SendEmailPoison(QueueMessageProcessor processor)
{
    [Function(nameof(SendEmailPoison))]
    public Task Run([QueueTrigger(QueueNames.SendEmailPoison)] QueueMessage message, CancellationToken cancellationToken) =>
        processor.ProcessAsync(QueueNames.SendEmailPoison, message.Body.ToString(), message.DequeueCount, cancellationToken);
}
