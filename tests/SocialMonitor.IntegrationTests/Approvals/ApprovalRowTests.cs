using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Approvals;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Storage;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Approvals;

/// <summary>Issue 15: the <c>Approvals</c> row keeps its one column, and a row written before the typed rows reads the same.</summary>
public sealed class ApprovalRowTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Approval Link(string id) => new()
    {
        Id = id, Value = "https://example.org/", Approver = "coordinator@example.org", Date = new DateOnly(2026, 10, 1), Note = "a partner",
    };

    [Fact]
    public async Task GetAndList_RowInTodaysShape_ReadTheSame()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite);
        var store = services.GetRequiredService<ApprovalStore>();
        await RawRows.PutAsync(azurite, TableNames.Approvals, new TableEntity("link", "link-1") { ["Approval"] = ItemJson.Serialize(Link("link-1")) }, Ct);

        var one = await store.GetAsync("link-1", Ct);
        var all = await store.ListAsync(null, Ct);

        Assert.Equal(ItemJson.Serialize(Link("link-1")), ItemJson.Serialize(one));
        Assert.Equal(ApprovalKinds.Links, one!.Kind);
        Assert.Equal("link-1", Assert.Single(all).Id);
    }

    [Fact]
    public async Task AddAsync_RoundTrip_WritesTodaysColumnAndReadsTheSame()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite);
        var store = services.GetRequiredService<ApprovalStore>();

        await store.AddAsync(Link("link/2"), Ct);

        var raw = await RawRows.GetAsync(azurite, TableNames.Approvals, "link", "link%2F2", Ct);
        Assert.Equal("Approval:String", RawRows.Columns(raw));
        Assert.Equal(ItemJson.Serialize(Link("link/2")), raw.GetString("Approval"));
        Assert.Equal(ItemJson.Serialize(Link("link/2")), ItemJson.Serialize(await store.GetAsync("link/2", Ct)));
    }
}
