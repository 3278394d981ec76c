using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Scanning;
using SocialMonitor.Core.Storage;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Scanning;

/// <summary>Issue 15: the <c>ItemIndex</c> row keeps its columns and types, and a row written before the typed rows reads the same.</summary>
public sealed class ItemIndexRowTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset s_at = new(2026, 10, 1, 9, 30, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IndexedItem Item(string id, string? parent, DateTimeOffset? created) => new()
    {
        Account = "cln-hayden-fb", ItemId = id, Platform = "facebook", Kind = "comment", Stream = "comments:1", ParentId = parent, Origin = "guest",
        Hash = "abc", Version = 3, Events = 2, Hidden = true, Deleted = false, CreatedAt = created, FirstSeen = s_at, ChangedAt = s_at.AddHours(1),
    };

    [Fact]
    public async Task GetListCount_RowsInTodaysShape_ReadTheSame()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite);
        var index = services.GetRequiredService<ItemIndex>();
        await RawRows.PutAsync(azurite, TableNames.ItemIndex, new TableEntity("cln-hayden-fb", "1_2")
        {
            ["ItemId"] = "1_2", ["Platform"] = "facebook", ["Kind"] = "comment", ["Stream"] = "comments:1", ["ParentId"] = "1", ["Origin"] = "guest",
            ["Hash"] = "abc", ["Version"] = 3, ["Events"] = 2, ["Hidden"] = true, ["Deleted"] = false, ["CreatedAt"] = s_at.AddDays(-1),
            ["FirstSeen"] = s_at, ["ChangedAt"] = s_at.AddHours(1),
        }, Ct);
        // A row of an early version: no platform, parent, creation time, counters or flags.
        await RawRows.PutAsync(azurite, TableNames.ItemIndex, new TableEntity("cln-hayden-fb", "old")
        {
            ["ItemId"] = "old", ["Kind"] = "post", ["Stream"] = "posts", ["Origin"] = "official", ["Hash"] = "h", ["Deleted"] = false,
            ["FirstSeen"] = s_at, ["ChangedAt"] = s_at,
        }, Ct);

        var one = await index.GetAsync("cln-hayden-fb", "1_2", Ct);
        var old = await index.GetAsync("cln-hayden-fb", "old", Ct);
        var stream = await index.ListStreamAsync("cln-hayden-fb", "comments:1", s_at.AddDays(-2), Ct);
        var account = await index.ListAccountAsync("cln-hayden-fb", Ct);

        Assert.Equal(Item("1_2", "1", s_at.AddDays(-1)), one);
        Assert.Equal(new IndexedItem
        {
            Account = "cln-hayden-fb", ItemId = "old", Platform = "unknown", Kind = "post", Stream = "posts", Origin = "official", Hash = "h",
            Version = 1, Events = 0, FirstSeen = s_at, ChangedAt = s_at,
        }, old);
        Assert.Equal([one!], stream);
        Assert.Equal(2, account.Count);
        Assert.Equal(2, await index.CountAsync(Ct));
    }

    [Fact]
    public async Task SetAsync_RoundTrip_WritesTodaysColumnsAndReadsTheSame()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite);
        var index = services.GetRequiredService<ItemIndex>();
        var full = Item("1_2", "1", s_at.AddDays(-1));
        var bare = Item("1_3", null, null);

        await index.SetAsync(full, Ct);
        await index.SetAsync(bare, Ct);

        Assert.Equal("ChangedAt:DateTimeOffset, CreatedAt:DateTimeOffset, Deleted:Boolean, Events:Int32, FirstSeen:DateTimeOffset, Hash:String, "
            + "Hidden:Boolean, ItemId:String, Kind:String, Origin:String, ParentId:String, Platform:String, Stream:String, Version:Int32",
            RawRows.Columns(await RawRows.GetAsync(azurite, TableNames.ItemIndex, "cln-hayden-fb", "1_2", Ct)));
        Assert.Equal("ChangedAt:DateTimeOffset, Deleted:Boolean, Events:Int32, FirstSeen:DateTimeOffset, Hash:String, "
            + "Hidden:Boolean, ItemId:String, Kind:String, Origin:String, Platform:String, Stream:String, Version:Int32",
            RawRows.Columns(await RawRows.GetAsync(azurite, TableNames.ItemIndex, "cln-hayden-fb", "1_3", Ct)));
        Assert.Equal(full, await index.GetAsync("cln-hayden-fb", "1_2", Ct));
        Assert.Equal(bare, await index.GetAsync("cln-hayden-fb", "1_3", Ct));
    }
}
