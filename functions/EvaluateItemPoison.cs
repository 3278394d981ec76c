using Microsoft.Azure.Functions.Worker;
using SocialMonitor.Core.Queues;

namespace SocialMonitor.Functions;

/// <summary>A evaluate-item message that failed five times becomes a capture finding. A failure is recorded by <see cref="QueueAttemptMiddleware"/> and rethrown, so the host retries and then poisons the message.</summary>
public sealed class EvaluateItemPoison(DeadMessageHandler deadMessages)
{
    [Function(nameof(EvaluateItemPoison))]
    public Task Run([QueueTrigger(QueueNames.EvaluateItemPoison)] string body, CancellationToken cancellationToken) =>
        deadMessages.HandleAsync(QueueNames.EvaluateItemPoison, body, cancellationToken);
}
