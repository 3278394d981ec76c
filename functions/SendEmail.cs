using Microsoft.Azure.Functions.Worker;
using SocialMonitor.Core.Notifications;
using SocialMonitor.Core.Queues;

namespace SocialMonitor.Functions;

/// <summary>Sends one outbox email. Send failures are the outbox's to retry (with back-off). A storage failure is recorded by <see cref="QueueAttemptMiddleware"/> and rethrown, so the host retries and then poisons the message.</summary>
public sealed class SendEmail(OutboxProcessor outbox)
{
    [Function(nameof(SendEmail))]
    public Task Run([QueueTrigger(QueueNames.SendEmail)] OutboxMessage message, CancellationToken cancellationToken) =>
        outbox.ProcessAsync(message, cancellationToken);
}
