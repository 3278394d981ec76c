using Microsoft.Azure.Functions.Worker;
using SocialMonitor.Core.Queues;

namespace SocialMonitor.Functions;

/// <summary>A notify message that failed five times becomes a capture finding. A failure is recorded by <see cref="QueueAttemptMiddleware"/> and rethrown, so the host retries and then poisons the message.</summary>
public sealed class NotifyPoison(DeadMessageHandler deadMessages)
{
    [Function(nameof(NotifyPoison))]
    public Task Run([QueueTrigger(QueueNames.NotifyPoison)] string body, CancellationToken cancellationToken) =>
        deadMessages.HandleAsync(QueueNames.NotifyPoison, body, cancellationToken);
}
