using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Storage;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Accounts;

/// <summary>Issue 15: the <c>Registry</c> rows (coordinator, locations, accounts) keep their columns, and rows written before the typed rows read the same.</summary>
public sealed class RegistryRowTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadsAndReimport_RowsInTodaysShape_ReadTheSameAndAreUnchanged()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite);
        var registry = services.GetRequiredService<AccountRegistry>();
        var file = AccountsFileReader.Read(SampleAccounts.Json).File!;
        await RawRows.PutAsync(azurite, TableNames.Registry, new TableEntity("coordinator", "coordinator") { ["Person"] = ItemJson.Serialize(file.Coordinator) }, Ct);
        foreach (var location in file.Locations)
        {
            await RawRows.PutAsync(azurite, TableNames.Registry, new TableEntity("location", location.Id)
            {
                ["Name"] = location.Name, ["Managers"] = ItemJson.Serialize(location.Managers),
            }, Ct);
        }
        foreach (var account in file.Accounts)
        {
            await RawRows.PutAsync(azurite, TableNames.Registry, new TableEntity("account", account.Id)
            {
                ["Account"] = ItemJson.Serialize(account), ["ApprovedVia"] = "file",
            }, Ct);
        }

        var coordinator = await registry.GetCoordinatorAsync(Ct);
        var locations = await registry.ListLocationsAsync(Ct);
        var hayden = await registry.GetLocationAsync("hayden", Ct);
        var accounts = await registry.ListAccountsAsync(Ct);
        var result = await registry.ImportAsync(file, Ct);

        Assert.Equal(file.Coordinator, coordinator);
        Assert.Equal(ItemJson.Serialize(file.Locations.OrderBy(l => l.Id, StringComparer.Ordinal)), ItemJson.Serialize(locations));
        Assert.Equal(ItemJson.Serialize(file.Locations[0]), ItemJson.Serialize(hayden));
        Assert.Equal(file.Accounts.OrderBy(a => a.Id, StringComparer.Ordinal), accounts);
        Assert.Equal(file.Accounts[0], await registry.GetAccountAsync("cln-hayden-fb", Ct));
        Assert.Equal((0, 5), (result.Written, result.Unchanged));
    }

    [Fact]
    public async Task ImportAsync_RoundTrip_WritesTodaysColumnsAndKeepsAnApiApproval()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite);
        var registry = services.GetRequiredService<AccountRegistry>();
        var file = AccountsFileReader.Read(SampleAccounts.Json).File!;
        var approved = file.Accounts[0] with { ApprovedBy = "jordan.avery@example.org", ApprovedOn = new DateOnly(2026, 9, 1) };

        var first = await registry.ImportAsync(file, Ct);
        await RawRows.PutAsync(azurite, TableNames.Registry, new TableEntity("account", approved.Id)
        {
            ["Account"] = ItemJson.Serialize(approved), ["ApprovedVia"] = "api",
        }, Ct);
        var second = await registry.ImportAsync(file, Ct);
        var changes = new List<RegistryChange>();
        var third = await registry.ImportAsync(AccountsFileReader.Read(SampleAccounts.WithoutHayden).File!, c => { changes.Add(c); return Task.CompletedTask; }, Ct);

        Assert.Equal((5, 0), (first.Written, first.Unchanged));
        Assert.Equal((0, 5), (second.Written, second.Unchanged));
        Assert.Equal("Person:String", RawRows.Columns(await RawRows.GetAsync(azurite, TableNames.Registry, "coordinator", "coordinator", Ct)));
        Assert.Equal("Managers:String, Name:String", RawRows.Columns(await RawRows.GetAsync(azurite, TableNames.Registry, "location", "hayden", Ct)));
        var account = await RawRows.GetAsync(azurite, TableNames.Registry, "account", "cln-hayden-fb", Ct);
        Assert.Equal("Account:String, ApprovedVia:String", RawRows.Columns(account));
        Assert.Equal(("api", ItemJson.Serialize(approved)), (account.GetString("ApprovedVia"), account.GetString("Account")));
        Assert.Equal(approved, await registry.GetAccountAsync("cln-hayden-fb", Ct));
        Assert.Equal((1, 3), (third.Written, third.Unchanged));
        var ended = Assert.Single(changes);
        Assert.Equal(("location", "hayden", "hayden", true), (ended.Subject, ended.Id, ended.Location, ended.Removed));
        Assert.Equal("""{"name":"Hayden","managers":[]}""", ended.After);
        Assert.Equal("[]", (await RawRows.GetAsync(azurite, TableNames.Registry, "location", "hayden", Ct)).GetString("Managers"));
    }
}
