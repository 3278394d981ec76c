using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Audit;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Storage;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Findings;

/// <summary>
/// Issue 15: the rows of <c>Findings</c>, <c>FindingsByTime</c> and <c>FindingsByItem</c> keep their columns and types,
/// and rows written before the typed rows read the same.
/// </summary>
public sealed class FindingRowTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string FullColumns = "Account:String, AcknowledgedAt:DateTimeOffset, Clause:String, DismissReason:String, DuplicateOf:String, "
        + "Evidence:String, Explanation:String, Family:String, FirstSeen:DateTimeOffset, Id:String, ItemId:String, ItemVersion:String, "
        + "LastSeen:DateTimeOffset, NotifiedAt:DateTimeOffset, NotifyQueuedAt:DateTimeOffset, Permalink:String, Platform:String, Quote:String, "
        + "ReopenCount:Int32, ReopenedAt:DateTimeOffset, Resolution:String, ResolvedItemVersion:String, Rule:String, Severity:String, "
        + "Source:String, Status:String, StatusChangedAt:DateTimeOffset, StatusChangedBy:String";

    private static readonly DateTimeOffset s_at = new(2026, 10, 1, 9, 30, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Finding Full() => new()
    {
        Id = "f-0123456789abcdef", Rule = "pii.phone", Severity = "high", Status = FindingStatuses.Resolved, Location = "hayden",
        Account = "cln-hayden-fb", Platform = "facebook", ItemId = "1_2", ItemVersion = "3", Permalink = "https://www.facebook.com/1/posts/2",
        Clause = "4.2", Evidence = "208-555-0100", Explanation = "A phone number", Quote = "call »208-555-0100«", Source = "guest comment",
        FirstSeen = s_at, LastSeen = s_at.AddHours(1), NotifyQueuedAt = s_at.AddMinutes(1), NotifiedAt = s_at.AddMinutes(2),
        AcknowledgedAt = s_at.AddMinutes(3), Resolution = "comment hidden", DismissReason = "not-a-violation", DuplicateOf = "f-other",
        StatusChangedBy = "Sam Lee", StatusChangedAt = s_at.AddMinutes(4), ResolvedItemVersion = "3", ReopenedAt = s_at.AddMinutes(5), ReopenCount = 2,
    };

    private static Finding Minimal() => new()
    {
        Id = "f-minimal", Rule = "capture.token-expiring", Severity = "medium", Location = "hayden", Platform = "facebook", ItemId = "acct",
        Clause = "1", Evidence = "e", Explanation = "x", FirstSeen = s_at, LastSeen = s_at,
    };

    /// <summary>A row as the store wrote it before the typed rows: only the columns with a value.</summary>
    private static TableEntity TodaysRow(Finding f, string rowKey, string? lastChange)
    {
        var row = new TableEntity(f.Location, rowKey)
        {
            ["Id"] = f.Id, ["Rule"] = f.Rule, ["Family"] = f.Family, ["Severity"] = f.Severity, ["Status"] = f.Status, ["Account"] = f.Account,
            ["Platform"] = f.Platform, ["ItemId"] = f.ItemId, ["ItemVersion"] = f.ItemVersion, ["Permalink"] = f.Permalink, ["Clause"] = f.Clause,
            ["Evidence"] = f.Evidence, ["Explanation"] = f.Explanation, ["Quote"] = f.Quote, ["Source"] = f.Source, ["FirstSeen"] = f.FirstSeen,
            ["LastSeen"] = f.LastSeen, ["NotifyQueuedAt"] = f.NotifyQueuedAt, ["NotifiedAt"] = f.NotifiedAt, ["AcknowledgedAt"] = f.AcknowledgedAt,
            ["Resolution"] = f.Resolution, ["DismissReason"] = f.DismissReason, ["DuplicateOf"] = f.DuplicateOf, ["StatusChangedBy"] = f.StatusChangedBy,
            ["StatusChangedAt"] = f.StatusChangedAt, ["ResolvedItemVersion"] = f.ResolvedItemVersion, ["ReopenedAt"] = f.ReopenedAt, ["ReopenCount"] = f.ReopenCount,
        };
        if (lastChange is not null)
        {
            row["LastChange"] = lastChange;
        }
        return row;
    }

    [Fact]
    public async Task GetStoredListFactsByItem_RowsInTodaysShape_ReadTheSame()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite);
        var store = services.GetRequiredService<FindingStore>();
        var entry = new AuditEntry("0000000000000000001_0123456789abcdef0123456789abcdef", s_at, "Sam Lee", "finding", "f-0123456789abcdef",
            "hayden", "resolved", "open", "resolved", "comment hidden");
        var full = Full();
        await RawRows.PutAsync(azurite, TableNames.Findings, TodaysRow(full, full.Id, ItemJson.Serialize(entry)), Ct);
        await RawRows.PutAsync(azurite, TableNames.FindingsByTime, TodaysRow(full, $"{TimeKeys.Inverted(full.FirstSeen)}_{full.Id}", null), Ct);
        await RawRows.PutAsync(azurite, TableNames.FindingsByItem, new TableEntity("facebook|1_2", full.Id) { ["Location"] = "hayden" }, Ct);
        var minimal = Minimal();
        await RawRows.PutAsync(azurite, TableNames.Findings, TodaysRow(minimal, minimal.Id, null), Ct);

        var stored = await store.GetStoredAsync("hayden", full.Id, Ct);
        var bare = await store.GetStoredAsync("hayden", minimal.Id, Ct);
        var page = await store.ListAsync(new FindingQuery(["hayden"], null), null, 10, Ct);
        var facts = await store.FactsAsync(new FindingQuery(["hayden"], null), Ct).ToListAsync(Ct);
        var byItem = await store.ByItemAsync("facebook", "1_2", Ct);

        Assert.Equal(full, stored!.Finding);
        Assert.Equal(entry, stored.LastChange);
        Assert.False(string.IsNullOrEmpty(stored.ETag));
        Assert.Equal(minimal, bare!.Finding);
        Assert.Null(bare.LastChange);
        Assert.Equal(full, Assert.Single(page.Items));
        Assert.Equal(new FindingFacts("hayden", "cln-hayden-fb", "pii.phone", "high", FindingStatuses.Resolved, s_at, s_at.AddMinutes(3)), Assert.Single(facts));
        Assert.Equal([("hayden", full.Id)], byItem);
    }

    [Fact]
    public async Task TryAddChange_RoundTrip_WritesTodaysColumnsAndReadsTheSame()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite);
        var store = services.GetRequiredService<FindingStore>();
        var full = Full();
        var minimal = Minimal();
        var entry = new AuditEntry("0000000000000000002_0123456789abcdef0123456789abcdef", s_at, "Sam Lee", "finding", full.Id,
            "hayden", "acknowledged", "open", "acknowledged", "seen");

        await store.TryAddAsync(full with { Status = FindingStatuses.Open }, Ct);
        await store.TryAddAsync(minimal, Ct);
        var write = await store.ChangeAsync("hayden", full.Id, null, _ => new FindingChange(full, entry), Ct);

        var main = await RawRows.GetAsync(azurite, TableNames.Findings, "hayden", full.Id, Ct);
        var byTime = await RawRows.GetAsync(azurite, TableNames.FindingsByTime, "hayden", $"{TimeKeys.Inverted(full.FirstSeen)}_{full.Id}", Ct);
        var byItem = await RawRows.GetAsync(azurite, TableNames.FindingsByItem, "facebook|1_2", full.Id, Ct);
        var bare = await RawRows.GetAsync(azurite, TableNames.Findings, "hayden", minimal.Id, Ct);
        Assert.Equal(FindingWriteStatus.Changed, write.Status);
        Assert.Equal(FullColumns.Replace("LastSeen:", "LastChange:String, LastSeen:", StringComparison.Ordinal), RawRows.Columns(main));
        Assert.Equal(FullColumns, RawRows.Columns(byTime));
        Assert.Equal("Location:String", RawRows.Columns(byItem));
        Assert.Equal("Clause:String, Evidence:String, Explanation:String, Family:String, FirstSeen:DateTimeOffset, Id:String, ItemId:String, "
            + "LastSeen:DateTimeOffset, Platform:String, ReopenCount:Int32, Rule:String, Severity:String, Status:String", RawRows.Columns(bare));
        Assert.Equal("pii", main.GetString("Family"));
        var stored = await store.GetStoredAsync("hayden", full.Id, Ct);
        Assert.Equal(full, stored!.Finding);
        Assert.Equal(entry, stored.LastChange);
        Assert.Equal(main.ETag.ToString(), stored.ETag);
        Assert.Equal(minimal, await store.GetAsync("hayden", minimal.Id, Ct));
    }
}
