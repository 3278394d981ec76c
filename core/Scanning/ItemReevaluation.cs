using SocialMonitor.Core.Queues;

namespace SocialMonitor.Core.Scanning;

/// <summary>
/// <c>items reevaluate</c>: queues the latest captured version of every item of some accounts (that is not deleted)
/// for evaluation again, so that a revoked or expired approval, or a changed policy, is judged on what was already
/// captured. Evaluating the same version again is safe: the same findings merge and nothing is sent twice.
/// </summary>
public sealed class ItemReevaluation(ItemIndex index, ItemHistory history, QueueSender queue)
{
    /// <summary>Queues the items of <paramref name="accounts"/>; returns how many.</summary>
    public async Task<int> QueueAsync(IEnumerable<string> accounts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var queued = 0;
        foreach (var account in accounts)
        {
            foreach (var indexed in await index.ListAccountAsync(account, cancellationToken))
            {
                var latest = (await history.ListAsync(indexed.ItemId, cancellationToken))
                    .LastOrDefault(e => e.Item is not null && e.Account == account && e.Platform == indexed.Platform);
                if (latest?.Item is { } item)
                {
                    await queue.SendItemAsync(item, cancellationToken);
                    queued++;
                }
            }
        }
        return queued;
    }
}
