using Microsoft.Azure.Functions.Worker;
using SocialMonitor.Core.Queues;

namespace SocialMonitor.Functions;

/// <summary>A send-email message that failed five times becomes a capture finding. A failure is recorded by <see cref="QueueAttemptMiddleware"/> and rethrown, so the host retries and then poisons the message.</summary>
public sealed class SendEmailPoison(DeadMessageHandler deadMessages)
{
    [Function(nameof(SendEmailPoison))]
    public Task Run([QueueTrigger(QueueNames.SendEmailPoison)] string body, CancellationToken cancellationToken) =>
        deadMessages.HandleAsync(QueueNames.SendEmailPoison, body, cancellationToken);
}
