using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Rules.Governance;
using SocialMonitor.Core.Scanning;

namespace SocialMonitor.Core.Review;

/// <summary>
/// The daily account review (<c>AccountReviewTimer</c>, <c>socialmonitor accounts review</c>): each registered account,
/// and each location, once a library day, as an item of its own (<see cref="AccountReviewItem"/>) through the
/// <c>evaluate-item</c> queue to the same evaluator as every other item, where the rules that depend on time and on the
/// approvals run. Once a day per account: a cursor row (<see cref="CursorKey"/>) holds when it was last queued, written
/// after the message, so a run again the same day queues nothing, and a crash between the two queues it once more on the
/// next run (the evaluation is idempotent: the same findings merge). Scans never queue a review.
/// </summary>
public sealed class AccountReview(
    AccountRegistry registry,
    ItemIndex index,
    ItemHistory history,
    CursorStore cursors,
    FindingStore findings,
    IEnumerable<IPlatformClient> clients,
    QueueSender queue,
    Policy policy,
    IOptions<ReviewOptions> options,
    TimeProvider time,
    ILogger<AccountReview> logger)
{
    /// <summary>The cursor row of an account's last review (in the account's partition; a location's in the district's, <c>~review:{id}</c>).</summary>
    public const string CursorKey = "~review";

    /// <summary>The timer's run: nothing before <c>Review__Hour</c> of the library's day, then the accounts not yet reviewed today.</summary>
    public async Task<ReviewSummary> RunIfDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (TimeZoneInfo.ConvertTime(now, policy.Zone).Hour < options.Value.Hour)
        {
            logger.LogInformation("The daily account review runs from {Hour}:00 in {Zone}; not yet", options.Value.Hour, policy.TimeZone);
            return new ReviewSummary(policy.LocalDate(now), 0, 0, 0);
        }
        return await RunAsync(cancellationToken);
    }

    /// <summary>Queues the review of every account and location not yet reviewed today (the library's date); run again the same day, it queues nothing.</summary>
    public async Task<ReviewSummary> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var today = policy.LocalDate(now);
        var accounts = await registry.ListAccountsAsync(cancellationToken);
        var coordinator = await registry.GetCoordinatorAsync(cancellationToken);
        int reviewed = 0, locations = 0, skipped = 0;
        foreach (var account in accounts)
        {
            if (await ReviewedTodayAsync(account.Id, CursorKey, today, cancellationToken))
            {
                skipped++;
                continue;
            }
            var client = clients.FirstOrDefault(c => c.Platform == account.Platform);
            var capabilities = client?.Capabilities ?? PlatformCapabilities.NotYet;
            var item = AccountReviewItem.For(account, today, coordinator, await RecordAsync(account, client?.Plan, cancellationToken), capabilities, accounts);
            await queue.SendItemAsync(item, cancellationToken);
            await cursors.SetAsync(account.Id, new StreamCursor(CursorKey) { ReadAt = now }, cancellationToken);
            reviewed++;
        }
        foreach (var location in await registry.ListLocationsAsync(cancellationToken))
        {
            var key = $"{CursorKey}:{location.Id}";
            if (await ReviewedTodayAsync(Locations.District, key, today, cancellationToken))
            {
                skipped++;
                continue;
            }
            await queue.SendItemAsync(AccountReviewItem.For(location, today), cancellationToken);
            await cursors.SetAsync(Locations.District, new StreamCursor(key) { ReadAt = now }, cancellationToken);
            locations++;
        }
        logger.LogInformation("Daily account review of {Day}: {Accounts} accounts and {Locations} locations queued, {Skipped} already reviewed today",
            today, reviewed, locations, skipped);
        return new ReviewSummary(today, reviewed, locations, skipped);
    }

    private async Task<bool> ReviewedTodayAsync(string partition, string key, DateOnly today, CancellationToken cancellationToken) =>
        (await cursors.GetAsync(partition, key, cancellationToken))?.ReadAt is { } at && policy.LocalDate(at) == today;

    /// <summary>
    /// What the record holds of the account: its items' latest versions, its latest official item, since when its posts
    /// (the plan's change-hint stream) have been read, how roles and apps were read.
    /// </summary>
    private async Task<ReviewRecord> RecordAsync(Account account, ReadPlan? plan, CancellationToken cancellationToken)
    {
        var rows = await index.ListAccountAsync(account.Id, cancellationToken);
        var profile = rows.Where(r => r.Kind == ItemKinds.Profile).MaxBy(r => r.ChangedAt);
        return new ReviewRecord
        {
            Profile = profile is null ? null : await LatestAsync(profile, cancellationToken),
            Roles = await LatestAsync(rows.Where(r => r.Kind == ItemKinds.Role), cancellationToken),
            Apps = await LatestAsync(rows.Where(r => r.Kind == ItemKinds.App), cancellationToken),
            LastOfficialPostAt = rows.Where(r => r.Origin == ItemOrigins.Official && r.CreatedAt is not null).Max(r => r.CreatedAt),
            PostsReadSince = plan?.Posts is { } posts
                && await cursors.GetAsync(account.Id, posts.Name, cancellationToken) is { ReadAt: not null, Floor: { } floor } ? floor : null,
            RolesRead = await ReadStateAsync(account, StreamNames.Roles, cancellationToken),
            AppsRead = await ReadStateAsync(account, StreamNames.Apps, cancellationToken),
        };
    }

    private async Task<IReadOnlyList<Item>> LatestAsync(IEnumerable<IndexedItem> rows, CancellationToken cancellationToken)
    {
        var items = new List<Item>();
        foreach (var row in rows.OrderBy(r => r.ItemId, StringComparer.Ordinal))
        {
            if (await LatestAsync(row, cancellationToken) is { } item)
            {
                items.Add(item);
            }
        }
        return items;
    }

    private async Task<Item?> LatestAsync(IndexedItem row, CancellationToken cancellationToken) =>
        (await history.ListAsync(row.ItemId, cancellationToken))
            .LastOrDefault(e => e.Item is not null && e.Platform == row.Platform && e.Account == row.Account && e.Version == row.Version)?.Item;

    /// <summary><c>refused</c> while the stream's <c>capture.permission-missing</c> is active, <c>read</c> once it was read to its end, else null (never read).</summary>
    private async Task<string?> ReadStateAsync(Account account, string stream, CancellationToken cancellationToken)
    {
        var refused = await findings.GetAsync(account.Location, CaptureConditions.FindingId(account, CaptureCondition.PermissionMissing(stream)), cancellationToken);
        if (refused is { Status: not (FindingStatuses.Resolved or FindingStatuses.Dismissed) })
        {
            return AccountFacts.Refused;
        }
        return (await cursors.GetAsync(account.Id, stream, cancellationToken))?.ReadAt is null ? null : AccountFacts.Read;
    }
}
