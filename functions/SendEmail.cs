using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using SocialMonitor.Core.Queues;

namespace SocialMonitor.Functions;

/// <summary>Sends one outbox email. Send failures are the outbox's to retry (with back-off); a storage failure is recorded and rethrown, so the host retries and then poisons the message.</summary>
public sealed class SendEmail(QueueMessageProcessor processor)
{
    [Function(nameof(SendEmail))]
    public Task Run([QueueTrigger(QueueNames.SendEmail)] QueueMessage message, CancellationToken cancellationToken) =>
        processor.ProcessAsync(QueueNames.SendEmail, message.Body.ToString(), message.DequeueCount, cancellationToken);
}
