using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using SocialMonitor.Core.Queues;

namespace SocialMonitor.Functions;

/// <summary>Emails one new finding to the people who watch its location. A failure is recorded and rethrown, so the host retries and then poisons the message.</summary>
public sealed class Notify(QueueMessageProcessor processor)
{
    [Function(nameof(Notify))]
    public Task Run([QueueTrigger(QueueNames.Notify)] QueueMessage message, CancellationToken cancellationToken) =>
        processor.ProcessAsync(QueueNames.Notify, message.Body.ToString(), message.DequeueCount, cancellationToken);
}
