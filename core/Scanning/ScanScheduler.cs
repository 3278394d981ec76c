using Microsoft.Extensions.Logging;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Queues;

namespace SocialMonitor.Core.Scanning;

/// <summary>The scan timer's work: one <c>scan-account</c> message per registered account. Run twice, the scans are merely repeated (they are idempotent).</summary>
public sealed class ScanScheduler(AccountRegistry registry, QueueSender queue, ILogger<ScanScheduler> logger)
{
    public async Task<int> QueueAllAsync(CancellationToken cancellationToken)
    {
        var accounts = await registry.ListAccountsAsync(cancellationToken);
        foreach (var account in accounts)
        {
            await queue.SendAsync(QueueNames.ScanAccount, new ScanAccountMessage(account.Id), cancellationToken);
        }
        logger.LogInformation("Queued a scan of {Count} accounts", accounts.Count);
        return accounts.Count;
    }
}
