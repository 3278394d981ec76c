using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Audit;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Storage;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Accounts;

public sealed class AccountsImporterTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ImportAsync_ValidFile_WritesRegistryAndLeavesTheManagersToTheDailyReview()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite);
        var read = AccountsFileReader.Read(SampleAccounts.Json);

        await services.GetRequiredService<AccountsImporter>().ImportAsync(read, Ct);

        var registry = services.GetRequiredService<AccountRegistry>();
        Assert.Equal(["cln-bookmobile-fb", "cln-hayden-fb"], (await registry.ListAccountsAsync(Ct)).Select(a => a.Id).Order(StringComparer.Ordinal));
        Assert.Equal("sam.lee@example.org", (await registry.GetLocationAsync("hayden", Ct))!.Managers.Single().Email);
        Assert.Equal("coordinator@example.org", (await registry.GetCoordinatorAsync(Ct))!.Email);
        Assert.Equal(new ManagerCountWarning("bookmobile", 0), Assert.Single(read.ManagerCountWarnings));
        Assert.Empty(await services.GetRequiredService<FindingStore>().ByItemAsync("registry", "bookmobile", Ct));
    }

    [Fact]
    public async Task ImportAsync_LocationRemovedFromTheFile_EndsItsManagersAccessWithAnAuditEntryOnce()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite);
        var importer = services.GetRequiredService<AccountsImporter>();
        await importer.ImportAsync(AccountsFileReader.Read(SampleAccounts.Json), Ct);

        var removed = await importer.ImportAsync(AccountsFileReader.Read(SampleAccounts.WithoutHayden), Ct, "it@example.org");
        var again = await importer.ImportAsync(AccountsFileReader.Read(SampleAccounts.WithoutHayden), Ct);

        var ended = Assert.Single(removed.Written!.EndedAccess);
        Assert.Equal("hayden", ended.Id);
        Assert.Equal(["sam.lee@example.org"], ended.Managers.Select(m => m.Email));
        Assert.Empty(again.Written!.EndedAccess);
        Assert.Empty((await services.GetRequiredService<AccountRegistry>().GetLocationAsync("hayden", Ct))!.Managers);
        var entry = Assert.Single(await services.GetRequiredService<AuditLog>().HistoryAsync("location", "hayden", Ct), e => e.Action == "access-ended");
        Assert.Equal(("it@example.org", "hayden"), (entry.Actor, entry.Location));
        Assert.Contains("sam.lee@example.org", entry.Before, StringComparison.Ordinal);
        Assert.DoesNotContain("sam.lee@example.org", entry.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_NewThenChangedFile_AuditsEachChangedRowOnce()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite);
        var importer = services.GetRequiredService<AccountsImporter>();
        await importer.ImportAsync(AccountsFileReader.Read(SampleAccounts.Json), Ct);
        await importer.ImportAsync(AccountsFileReader.Read(SampleAccounts.Json), Ct);

        await importer.ImportAsync(AccountsFileReader.Read(SampleAccounts.Json.Replace("Sam Lee", "Samantha Lee", StringComparison.Ordinal)), Ct, "it@example.org");

        var (all, _) = await services.GetRequiredService<AuditLog>().ListAsync(null, 50, Ct);
        // The accounts' approvedBy/approvedOn, recorded once as account approvals by the first import.
        Assert.Equal(["approval:account-import-cln-bookmobile-fb", "approval:account-import-cln-hayden-fb"],
            all.Where(e => e.Subject == "approval").Select(e => $"{e.Subject}:{e.SubjectId}").Order(StringComparer.Ordinal));
        var entries = all.Where(e => e.Subject != "approval").ToList();
        Assert.Equal(6, entries.Count);
        var updated = entries[0];
        Assert.Equal(("it@example.org", "location", "hayden", "hayden", "updated"), (updated.Actor, updated.Subject, updated.SubjectId, updated.Location, updated.Action));
        Assert.Contains("Sam Lee", updated.Before, StringComparison.Ordinal);
        Assert.Contains("Samantha Lee", updated.After, StringComparison.Ordinal);
        Assert.Equal(
            ["account:cln-bookmobile-fb", "account:cln-hayden-fb", "coordinator:coordinator", "location:bookmobile", "location:hayden"],
            entries.Skip(1).Select(e => $"{e.Subject}:{e.SubjectId}").Order(StringComparer.Ordinal));
        Assert.All(entries.Skip(1), e => Assert.Equal(("created", AccountsImporter.ImportActor), (e.Action, e.Actor)));
    }

    [Fact]
    public async Task ImportAsync_SameFileTwice_ChangesNothing()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite);
        var importer = services.GetRequiredService<AccountsImporter>();
        await importer.ImportAsync(AccountsFileReader.Read(SampleAccounts.Json), Ct);
        var before = await SnapshotAsync(services);

        var second = await importer.ImportAsync(AccountsFileReader.Read(SampleAccounts.Json), Ct);

        Assert.Equal(0, second.Written!.Written);
        Assert.Equal(before, await SnapshotAsync(services));
    }

    [Fact]
    public async Task ImportAsync_InvalidFile_WritesNothing()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite);
        var invalid = SampleAccounts.Json.Replace("\"platform\": \"facebook\", \"platformId\": \"104000000000098\"", "\"platform\": \"myspace\", \"platformId\": \"104000000000098\"", StringComparison.Ordinal);

        var outcome = await services.GetRequiredService<AccountsImporter>().ImportAsync(AccountsFileReader.Read(invalid), Ct);

        Assert.Contains(outcome.Problems, p => p.Path == "$.accounts[1].platform");
        Assert.Null(outcome.Written);
        Assert.Empty(await SnapshotAsync(services));
    }

    /// <summary>Every row of the registry and findings tables with its ETag: equal snapshots mean nothing was written.</summary>
    private static async Task<List<string>> SnapshotAsync(IServiceProvider services)
    {
        var storage = services.GetRequiredService<StorageClients>();
        var rows = new List<string>();
        foreach (var name in new[] { TableNames.Registry, TableNames.Findings, TableNames.FindingsByTime })
        {
            var table = await storage.TableAsync(name, Ct);
            await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: Ct))
            {
                rows.Add($"{name}/{row.PartitionKey}/{row.RowKey}/{row.ETag}");
            }
        }
        return rows;
    }
}
