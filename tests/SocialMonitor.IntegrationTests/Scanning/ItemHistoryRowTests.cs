using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Scanning;
using SocialMonitor.Core.Storage;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Scanning;

/// <summary>Issue 15: the <c>ItemHistory</c> rows (versions and events) keep their columns and types, and rows written before the typed rows read the same.</summary>
public sealed class ItemHistoryRowTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly DateTimeOffset s_at = new(2026, 10, 1, 9, 30, 0, TimeSpan.Zero);
    private static readonly Item s_item = new() { Id = "1_2", Platform = "facebook", Account = "cln-hayden-fb", Text = "hello" };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IndexedItem Indexed => new()
    {
        Account = "cln-hayden-fb", ItemId = "1_2", Platform = "facebook", Kind = "comment", Stream = "comments:1", Origin = "guest", Hash = "abc",
    };

    [Fact]
    public async Task ListAsync_RowsInTodaysShape_ReadTheSame()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite);
        var history = services.GetRequiredService<ItemHistory>();
        await history.AddVersionAsync("cln-hayden-fb", s_item, 1, "abc", s_at, [], Ct); // The version's blob.
        var blob = (await RawRows.GetAsync(azurite, TableNames.ItemHistory, "1_2", "facebook|v000001", Ct)).GetString("Blob");
        await RawRows.PutAsync(azurite, TableNames.ItemHistory, new TableEntity("1_2", "facebook|v000001")
        {
            ["ItemId"] = "1_2", ["Platform"] = "facebook", ["Account"] = "cln-hayden-fb", ["At"] = s_at, ["Version"] = 1, ["Hash"] = "abc", ["Blob"] = blob,
        }, Ct);
        await RawRows.PutAsync(azurite, TableNames.ItemHistory, new TableEntity("1_2", "facebook|e000001")
        {
            ["ItemId"] = "1_2", ["Platform"] = "facebook", ["Account"] = "cln-hayden-fb", ["At"] = s_at.AddHours(1), ["Event"] = "edited",
            ["FromVersion"] = 1, ["ToVersion"] = 2, ["Detail"] = "text changed",
        }, Ct);
        await RawRows.PutAsync(azurite, TableNames.ItemHistory, new TableEntity("1_2", "facebook|e000002")
        {
            ["ItemId"] = "1_2", ["Platform"] = "facebook", ["Account"] = "cln-hayden-fb", ["At"] = s_at.AddHours(2), ["Event"] = "deleted",
        }, Ct);

        var entries = await history.ListAsync("1_2", Ct);

        Assert.Equal(3, entries.Count);
        Assert.Equal(new ItemHistoryEntry { ItemId = "1_2", Platform = "facebook", Account = "cln-hayden-fb", At = s_at, Version = 1, Hash = "abc", Item = entries[0].Item },
            entries[0]);
        Assert.Equal(ItemJson.Serialize(s_item), ItemJson.Serialize(entries[0].Item));
        Assert.Equal(new ItemHistoryEntry
        {
            ItemId = "1_2", Platform = "facebook", Account = "cln-hayden-fb", At = s_at.AddHours(1), Event = "edited", FromVersion = 1, ToVersion = 2, Detail = "text changed",
        }, entries[1]);
        Assert.Equal(new ItemHistoryEntry { ItemId = "1_2", Platform = "facebook", Account = "cln-hayden-fb", At = s_at.AddHours(2), Event = "deleted" }, entries[2]);
    }

    [Fact]
    public async Task AddVersionAddEvent_RoundTrip_WritesTodaysColumnsAndReadsTheSame()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite);
        var history = services.GetRequiredService<ItemHistory>();

        await history.AddVersionAsync("cln-hayden-fb", s_item, 1, "abc", s_at, ["f00d", "beef"], Ct);
        await history.AddEventAsync(Indexed, 1, "edited", s_at.AddHours(1), 1, 2, "text changed", Ct);
        await history.AddEventAsync(Indexed, 2, "deleted", s_at.AddHours(2), null, null, null, Ct);

        Assert.Equal("Account:String, At:DateTimeOffset, Blob:String, Hash:String, ItemId:String, Platform:String, RawSha256:String, Version:Int32",
            RawRows.Columns(await RawRows.GetAsync(azurite, TableNames.ItemHistory, "1_2", "facebook|v000001", Ct)));
        Assert.Equal("Account:String, At:DateTimeOffset, Detail:String, Event:String, FromVersion:Int32, ItemId:String, Platform:String, ToVersion:Int32",
            RawRows.Columns(await RawRows.GetAsync(azurite, TableNames.ItemHistory, "1_2", "facebook|e000001", Ct)));
        Assert.Equal("Account:String, At:DateTimeOffset, Event:String, ItemId:String, Platform:String",
            RawRows.Columns(await RawRows.GetAsync(azurite, TableNames.ItemHistory, "1_2", "facebook|e000002", Ct)));
        var entries = await history.ListAsync("1_2", Ct);
        Assert.Equal([1, null, null], entries.Select(e => e.Version));
        Assert.Equal([null, "edited", "deleted"], entries.Select(e => e.Event));
        Assert.Equal((1, 2, "text changed"), (entries[1].FromVersion, entries[1].ToVersion, entries[1].Detail));
        Assert.Equal(ItemJson.Serialize(s_item), ItemJson.Serialize(entries[0].Item));
        Assert.Equal(["f00d", "beef"], entries[0].RawSha256);
    }
}
