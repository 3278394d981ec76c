using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Platforms;

namespace SocialMonitor.Core.Scanning;

/// <summary>
/// <c>scan --once --dry-run</c>: reads accounts as a first real scan would (a backfill of <c>Scan__BackfillDays</c>, the
/// same <see cref="AccountCapture"/> and clients) with no storage at all: no cursors, no archive, no queue, no findings.
/// Each item goes to <c>onItem</c>; one account failing (a bad token, a truncated answer) is reported in its summary and
/// the others go on.
/// </summary>
public sealed class DryRunScanner(
    IEnumerable<IPlatformClient> clients,
    ITokenSource tokens,
    AccountCapture capture,
    IOptions<PlatformsOptions> platformOptions,
    TimeProvider time,
    ILogger<DryRunScanner> logger)
{
    public async Task<IReadOnlyList<ScanSummary>> ScanAsync(
        IReadOnlyList<Account> accounts, Func<Item, CancellationToken, Task> onItem, CancellationToken cancellationToken)
    {
        var summaries = new List<ScanSummary>();
        foreach (var account in accounts)
        {
            summaries.Add(await ScanAsync(account, onItem, cancellationToken));
        }
        return summaries;
    }

    private async Task<ScanSummary> ScanAsync(Account account, Func<Item, CancellationToken, Task> onItem, CancellationToken cancellationToken)
    {
        if (clients.For(platformOptions.Value, account.Platform) is not { } client)
        {
            return new ScanSummary(account.Id, account.Platform, 0, 0, 0, "platform not enabled or no client yet");
        }
        PlatformSession? session = null;
        int read = 0;
        string? stopped = null;
        var unreadable = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            session = new PlatformSession(account, await tokens.GetAsync(account.Token, cancellationToken));
            await foreach (var result in capture.ReadAsync(client, session, AccountCursors.None, budgets: null, cancellationToken))
            {
                if (result.Failure is { Kind: PlatformErrorKind.Other } other)
                {
                    throw other; // A dry run reports the first stream that fails and reads no further.
                }
                if (result.Failure is { } failure)
                {
                    unreadable[result.Key] = failure.Message;
                    stopped ??= result.Stops ? failure.Message : null;
                    continue;
                }
                foreach (var item in result.Read!.Items)
                {
                    await onItem(item, cancellationToken);
                    read++;
                }
            }
        }
        catch (Exception e) when (e is PlatformException or KeyNotFoundException or HttpRequestException)
        {
            logger.LogError("Dry run of {Account} failed: {Error}", account.Id, UrlScrubber.Scrub(e.Message));
            stopped = UrlScrubber.Scrub(e.Message);
        }
        return new ScanSummary(account.Id, account.Platform, read, 0, session?.TotalCalls ?? 0)
        {
            CallsByStream = session?.Calls ?? new Dictionary<string, int>(),
            Stopped = stopped,
            Unreadable = unreadable,
            At = time.GetUtcNow(),
        };
    }
}
