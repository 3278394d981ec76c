using Azure;
using Azure.Data.Tables;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Accounts;

/// <summary>
/// The registry of accounts, locations and people in Table Storage (table <c>Registry</c>; PartitionKey
/// <c>coordinator</c>, <c>location</c> or <c>account</c>, RowKey the id). Import upserts and never deletes; a row whose
/// content is unchanged is not written again, so a re-import changes nothing. A location the file no longer has keeps
/// its row without managers.
/// </summary>
public sealed class AccountRegistry(StorageClients storage)
{
    private const string CoordinatorPartition = "coordinator";
    private const string LocationPartition = "location";
    private const string AccountPartition = "account";

    /// <summary>Writes a validated file; returns how many rows were written and how many were already the same.</summary>
    public Task<RegistryImportResult> ImportAsync(AccountsFile file, CancellationToken cancellationToken) => ImportAsync(file, null, cancellationToken);

    /// <summary>As <see cref="ImportAsync(AccountsFile, CancellationToken)"/>, telling <paramref name="beforeWrite"/> of each row it is about to change.</summary>
    public async Task<RegistryImportResult> ImportAsync(AccountsFile file, Func<RegistryChange, Task>? beforeWrite, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Registry, cancellationToken);
        var rows = new List<RegistryRow> { new() { PartitionKey = CoordinatorPartition, RowKey = CoordinatorPartition, Person = ItemJson.Serialize(file.Coordinator) } };
        rows.AddRange(file.Locations.Select(l => LocationRow(l.Id, l.Name, l.Managers)));
        foreach (var account in file.Accounts)
        {
            rows.Add(new RegistryRow { PartitionKey = AccountPartition, RowKey = TableKeys.Escape(account.Id), Account = ItemJson.Serialize(account), ApprovedVia = "file" });
        }

        int written = 0, unchanged = 0;
        foreach (var row in rows)
        {
            var existing = await table.GetEntityIfExistsAsync<RegistryRow>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken);
            if (existing.HasValue)
            {
                KeepApiApproval(existing.Value!, row);
            }
            if (existing.HasValue && SameContent(existing.Value!, row))
            {
                unchanged++;
                continue;
            }
            if (beforeWrite is not null)
            {
                await beforeWrite(Change(existing.HasValue ? existing.Value : null, row));
            }
            await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
            written++;
        }
        var ended = await EndRemovedLocationsAsync(table, file, beforeWrite, cancellationToken);
        return new RegistryImportResult(written + ended.Count, unchanged) { EndedAccess = ended };
    }

    /// <summary>
    /// A location the file no longer has keeps its row (its findings stay findable) but loses its managers, so that
    /// nobody is routed its mail or signs in to it any longer. A rerun finds no managers left and changes nothing.
    /// </summary>
    private static async Task<List<Location>> EndRemovedLocationsAsync(
        TableClient table, AccountsFile file, Func<RegistryChange, Task>? beforeWrite, CancellationToken cancellationToken)
    {
        var inFile = file.Locations.Select(l => TableKeys.Escape(l.Id)).ToHashSet(StringComparer.Ordinal);
        var ended = new List<Location>();
        await foreach (var existing in table.QueryAsync<RegistryRow>(TableClient.CreateQueryFilter($"PartitionKey eq {LocationPartition}"), cancellationToken: cancellationToken))
        {
            var location = ToLocation(existing);
            if (inFile.Contains(existing.RowKey) || location.Managers.Count == 0)
            {
                continue;
            }
            var row = LocationRow(location.Id, location.Name, []);
            if (beforeWrite is not null)
            {
                await beforeWrite(Change(existing, row) with { Removed = true });
            }
            await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
            ended.Add(location);
        }
        return ended;
    }

    public async Task<IReadOnlyList<Account>> ListAccountsAsync(CancellationToken cancellationToken) =>
        await ListAsync(AccountPartition, e => ItemJson.Deserialize<Account>(e.Account!), cancellationToken);

    public async Task<IReadOnlyList<Location>> ListLocationsAsync(CancellationToken cancellationToken) =>
        await ListAsync(LocationPartition, ToLocation, cancellationToken);

    public async Task<Account?> GetAccountAsync(string id, CancellationToken cancellationToken)
    {
        var row = await GetAsync(AccountPartition, id, cancellationToken);
        return row is null ? null : ItemJson.Deserialize<Account>(row.Account!);
    }

    public async Task<Location?> GetLocationAsync(string id, CancellationToken cancellationToken)
    {
        var row = await GetAsync(LocationPartition, id, cancellationToken);
        return row is null ? null : ToLocation(row);
    }

    public async Task<Person?> GetCoordinatorAsync(CancellationToken cancellationToken)
    {
        var row = await GetAsync(CoordinatorPartition, CoordinatorPartition, cancellationToken);
        return row is null ? null : ItemJson.Deserialize<Person>(row.Person!);
    }

    private static Location ToLocation(RegistryRow e) =>
        new(e.RowKey, e.Name!, ItemJson.Deserialize<List<Person>>(e.Managers!));

    /// <summary>The row, or null; an id too long to be a key (one from a URL) names no row and is not sent.</summary>
    private async Task<RegistryRow?> GetAsync(string partition, string id, CancellationToken cancellationToken)
    {
        if (!TableKeys.Fits(TableKeys.Escape(id)))
        {
            return null;
        }
        var table = await storage.TableAsync(TableNames.Registry, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<RegistryRow>(partition, TableKeys.Escape(id), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    private async Task<List<T>> ListAsync<T>(string partition, Func<RegistryRow, T> map, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Registry, cancellationToken);
        var list = new List<T>();
        await foreach (var row in table.QueryAsync<RegistryRow>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken))
        {
            list.Add(map(row));
        }
        return list;
    }

    /// <summary>An approval recorded through the API (<c>ApprovedVia=api</c>) is kept over the file's.</summary>
    private static void KeepApiApproval(RegistryRow existing, RegistryRow row)
    {
        if (row.PartitionKey == AccountPartition && existing.ApprovedVia == "api")
        {
            var fromFile = ItemJson.Deserialize<Account>(row.Account!);
            var recorded = ItemJson.Deserialize<Account>(existing.Account!);
            row.Account = ItemJson.Serialize(fromFile with { ApprovedBy = recorded.ApprovedBy, ApprovedOn = recorded.ApprovedOn });
            row.ApprovedVia = "api";
        }
    }

    private static RegistryChange Change(RegistryRow? existing, RegistryRow row)
    {
        string Content(RegistryRow e) => row.PartitionKey switch
        {
            AccountPartition => e.Account!,
            LocationPartition => ItemJson.Serialize(new { e.Name, Managers = ItemJson.Deserialize<List<Person>>(e.Managers!) }),
            _ => e.Person!,
        };
        var location = row.PartitionKey switch
        {
            AccountPartition => ItemJson.Deserialize<Account>(row.Account!).Location,
            LocationPartition => row.RowKey,
            _ => null,
        };
        var id = row.PartitionKey == AccountPartition ? ItemJson.Deserialize<Account>(row.Account!).Id : row.RowKey;
        return new RegistryChange(row.PartitionKey, id, location, existing is null ? null : Content(existing), Content(row));
    }

    /// <summary>Whether the stored row already has the columns of its partition as <paramref name="row"/> has them (a missing column is null).</summary>
    private static bool SameContent(RegistryRow existing, RegistryRow row) => row.PartitionKey switch
    {
        AccountPartition => existing.Account == row.Account && existing.ApprovedVia == row.ApprovedVia,
        LocationPartition => existing.Name == row.Name && existing.Managers == row.Managers,
        _ => existing.Person == row.Person,
    };

    private static RegistryRow LocationRow(string id, string name, IReadOnlyList<Person> managers) =>
        new() { PartitionKey = LocationPartition, RowKey = TableKeys.Escape(id), Name = name, Managers = ItemJson.Serialize(managers) };
}
