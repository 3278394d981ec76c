using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Archive;
using SocialMonitor.Core.Audit;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Notifications;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Scanning;

namespace SocialMonitor.IntegrationTests.Records;

/// <summary>
/// One record of every series, written through the real stores at the clock's time: an item with its version, a raw
/// answer (named <c>{tag}</c> in its body), a sent email, a resolved finding and an audit entry, each id from the tag.
/// </summary>
internal static class RecordsData
{
    public static async Task SeedAsync(IServiceProvider services, string tag, string accountId, CancellationToken cancellationToken)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var account = (await services.GetRequiredService<AccountRegistry>().GetAccountAsync(accountId, cancellationToken))!;
        var item = new Item
        {
            Id = ItemId(tag), Platform = account.Platform, Account = account.Id, Kind = ItemKinds.Post, Origin = ItemOrigins.Official,
            Text = $"Story time on Saturday ({tag}).", CreatedAt = now,
        };
        var hash = ItemJson.ContentHash(item);
        await services.GetRequiredService<ItemHistory>().AddVersionAsync(account.Id, item, 1, hash, now, [], cancellationToken);
        await services.GetRequiredService<ItemIndex>().SetAsync(new IndexedItem
        {
            Account = account.Id, ItemId = item.Id, Platform = item.Platform, Kind = item.Kind, Stream = "posts", Origin = item.Origin, Hash = hash,
            CreatedAt = now, FirstSeen = now, ChangedAt = now,
        }, cancellationToken);
        await AnswerAsync(services, account, tag, now, cancellationToken);

        var finding = Finding(tag, account, FindingStatuses.Resolved, now);
        await services.GetRequiredService<FindingStore>().TryAddAsync(finding, cancellationToken);
        var outbox = services.GetRequiredService<Outbox>();
        var person = new Person { Name = "Sam Lee", Email = "sam.lee@example.org" };
        await outbox.EnqueueAsync(EmailKinds.Immediate, new Notification(EmailId(tag), [person], $"Finding {tag}", "text", "<p>html</p>", now),
            [finding], cancellationToken);
        var email = (await outbox.GetAsync(EmailId(tag), cancellationToken))!; // With its ETag.
        await outbox.TryUpdateAsync(email with { State = OutboxStates.Sent, SentAt = now }, cancellationToken);
        await services.GetRequiredService<AuditLog>().AppendAsync("sam.lee@example.org", "finding", finding.Id, account.Location,
            FindingStatuses.Resolved, null, null, $"audit {tag}", cancellationToken);
    }

    /// <summary>The raw answer of <paramref name="tag"/>, archived (again) at <paramref name="at"/>.</summary>
    public static Task AnswerAsync(IServiceProvider services, Account account, string tag, DateTimeOffset at, CancellationToken cancellationToken) =>
        services.GetRequiredService<ResponseArchive>().RecordAsync(account,
            new PlatformResponse("posts", null, $"https://graph.facebook.com/v25.0/{account.PlatformId}/posts", 200, $$"""{"data":[],"tag":"{{tag}}"}""", at),
            cancellationToken);

    public static Finding Finding(string tag, Account account, string status, DateTimeOffset at) => new()
    {
        Id = FindingId(tag), Rule = "pii.phone", Severity = "high", Status = status, Location = account.Location, Account = account.Id,
        Platform = account.Platform, ItemId = ItemId(tag), Clause = "Privacy", Evidence = "phone", Explanation = "A phone number.",
        FirstSeen = at, LastSeen = at, StatusChangedAt = status == FindingStatuses.Open ? null : at, StatusChangedBy = "sam.lee@example.org",
    };

    public static string ItemId(string tag) => $"{tag}-item";

    public static string FindingId(string tag) => $"{tag}-finding";

    public static string EmailId(string tag) => $"{tag}-email";
}
