using Microsoft.Azure.Functions.Worker;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Scanning;

namespace SocialMonitor.Functions;

/// <summary>Reads one account's new items and queues them for evaluation. A failure is recorded by <see cref="QueueAttemptMiddleware"/> and rethrown, so the host retries and then poisons the message.</summary>
public sealed class ScanAccount(AccountScanner scanner)
{
    [Function(nameof(ScanAccount))]
    public Task Run([QueueTrigger(QueueNames.ScanAccount)] ScanAccountMessage message, CancellationToken cancellationToken) =>
        scanner.ScanAsync(message, cancellationToken);
}
