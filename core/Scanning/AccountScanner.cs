using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Queues;

namespace SocialMonitor.Core.Scanning;

/// <summary>
/// <c>scan-account</c>: reads an account's items since its cursor, queues one <c>evaluate-item</c> message per new or
/// changed item, then moves the cursor. A failure anywhere leaves the cursor where it was, so the retry (or the next
/// scan) reads the same items again; items already queued are recognised by their content hash and not queued twice.
/// </summary>
public sealed class AccountScanner(
    AccountRegistry registry,
    IEnumerable<IPlatformClient> clients,
    ITokenSource tokens,
    CursorStore cursors,
    ItemIndex index,
    QueueSender queue,
    IOptions<ScanOptions> scanOptions,
    IOptions<PlatformsOptions> platformOptions,
    TimeProvider time,
    ILogger<AccountScanner> logger)
{
    public const string FeedStream = "feed";

    public async Task<ScanSummary> ScanAsync(ScanAccountMessage message, CancellationToken cancellationToken)
    {
        var account = await registry.GetAccountAsync(message.Account, cancellationToken);
        if (account is null)
        {
            logger.LogWarning("Account {Account} is not in the registry: nothing to scan", message.Account);
            return new ScanSummary(message.Account, "unknown", 0, 0, 0, "not in the registry");
        }
        var client = clients.FirstOrDefault(c => c.Platform == account.Platform);
        if (client is null || !platformOptions.Value.All.TryGetValue(account.Platform, out var platform) || !platform.Enabled)
        {
            logger.LogWarning("Account {Account} is on {Platform}, which is not enabled or has no client yet: not scanned", account.Id, account.Platform);
            return new ScanSummary(account.Id, account.Platform, 0, 0, 0, "platform not enabled");
        }

        var token = await tokens.GetAsync(account.Token, cancellationToken);
        var now = time.GetUtcNow();
        var since = await cursors.GetAsync(account.Id, FeedStream, cancellationToken) ?? now.AddDays(-scanOptions.Value.BackfillDays);
        var read = await client.ReadAsync(account, token, since, cancellationToken);

        var queued = 0;
        foreach (var item in read.Items)
        {
            var hash = ItemJson.ContentHash(item);
            var known = await index.GetAsync(account.Id, item.Id, cancellationToken);
            if (known?.Hash == hash)
            {
                continue;
            }
            await queue.SendItemAsync(item, cancellationToken);
            await index.SetAsync(account.Id, item.Id, hash, (known?.Version ?? 0) + 1, now, cancellationToken);
            queued++;
        }
        await cursors.SetAsync(account.Id, FeedStream, read.Cursor, cancellationToken);

        logger.LogInformation("Scanned {Platform} account {Account}: {Items} items read, {Queued} new or changed, {Calls} API calls",
            account.Platform, account.Id, read.Items.Count, queued, read.Calls);
        return new ScanSummary(account.Id, account.Platform, read.Items.Count, queued, read.Calls);
    }
}
