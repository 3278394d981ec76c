using Microsoft.Azure.Functions.Worker;
using SocialMonitor.Core.Queues;

namespace SocialMonitor.Functions;

/// <summary>A scan-account message that failed five times becomes a capture finding. A failure is recorded by <see cref="QueueAttemptMiddleware"/> and rethrown, so the host retries and then poisons the message.</summary>
public sealed class ScanAccountPoison(DeadMessageHandler deadMessages)
{
    [Function(nameof(ScanAccountPoison))]
    public Task Run([QueueTrigger(QueueNames.ScanAccountPoison)] string body, CancellationToken cancellationToken) =>
        deadMessages.HandleAsync(QueueNames.ScanAccountPoison, body, cancellationToken);
}
