using Microsoft.Azure.Functions.Worker;
using SocialMonitor.Core.Notifications;
using SocialMonitor.Core.Queues;

namespace SocialMonitor.Functions;

/// <summary>Emails one new finding to the people who watch its location. A failure is recorded by <see cref="QueueAttemptMiddleware"/> and rethrown, so the host retries and then poisons the message.</summary>
public sealed class Notify(Notifier notifier)
{
    [Function(nameof(Notify))]
    public Task Run([QueueTrigger(QueueNames.Notify)] NotifyMessage message, CancellationToken cancellationToken) =>
        notifier.NotifyAsync(message, cancellationToken);
}
