using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Scanning;

/// <summary>
/// Every version and event of every item, never overwritten by a later one (table <c>ItemHistory</c>; PartitionKey the
/// item id, RowKey <c>{platform}|v{version}</c> or <c>{platform}|e{n}</c>; each version's item JSON in the
/// <c>archive</c> container). Row keys come from the version and event counters of the index row, which is written after
/// them: a retry after a crash writes the same rows again, never a second copy.
/// </summary>
public sealed class ItemHistory(StorageClients storage)
{
    public async Task AddVersionAsync(string account, Item item, int version, string hash, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var blob = VersionBlob(item.Platform, item.Id, version);
        var container = await storage.ContainerAsync(ContainerNames.Archive, cancellationToken);
        await container.GetBlobClient(blob).UploadAsync(BinaryData.FromString(ItemJson.Serialize(item)), overwrite: true, cancellationToken);
        var table = await storage.TableAsync(TableNames.ItemHistory, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(TableKeys.Escape(item.Id), RowKey(item.Platform, 'v', version))
        {
            ["ItemId"] = item.Id,
            ["Platform"] = item.Platform,
            ["Account"] = account,
            ["At"] = at,
            ["Version"] = version,
            ["Hash"] = hash,
            ["Blob"] = blob,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    /// <param name="number">The item's event number (its index row's count + 1).</param>
    public async Task AddEventAsync(IndexedItem item, int number, string what, DateTimeOffset at, int? fromVersion, int? toVersion, string? detail,
        CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.ItemHistory, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(TableKeys.Escape(item.ItemId), RowKey(item.Platform, 'e', number))
        {
            ["ItemId"] = item.ItemId,
            ["Platform"] = item.Platform,
            ["Account"] = item.Account,
            ["At"] = at,
            ["Event"] = what,
            ["FromVersion"] = fromVersion,
            ["ToVersion"] = toVersion,
            ["Detail"] = detail,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>An item's versions (each with the item as it was) and events, in time order; on every platform that has the id.</summary>
    public async Task<IReadOnlyList<ItemHistoryEntry>> ListAsync(string itemId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.ItemHistory, cancellationToken);
        var container = await storage.ContainerAsync(ContainerNames.Archive, cancellationToken);
        var entries = new List<ItemHistoryEntry>();
        var partition = TableKeys.Escape(itemId);
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken))
        {
            Item? item = null;
            if (row.GetString("Blob") is { } blob)
            {
                var content = await container.GetBlobClient(blob).DownloadContentAsync(cancellationToken);
                item = ItemJson.Deserialize<Item>(content.Value.Content.ToString());
            }
            entries.Add(new ItemHistoryEntry
            {
                ItemId = row.GetString("ItemId"),
                Platform = row.GetString("Platform"),
                Account = row.GetString("Account"),
                At = row.GetDateTimeOffset("At") ?? default,
                Version = row.GetInt32("Version"),
                Hash = row.GetString("Hash"),
                Event = row.GetString("Event"),
                FromVersion = row.GetInt32("FromVersion"),
                ToVersion = row.GetInt32("ToVersion"),
                Detail = row.GetString("Detail"),
                Item = item,
            });
        }
        // Versions before the events of the same moment: an edit's new version is listed before the edit that made it.
        return [.. entries.OrderBy(e => e.At).ThenBy(e => e.Event is null ? 0 : 1).ThenBy(e => e.Version ?? e.ToVersion ?? 0)];
    }

    /// <summary>
    /// Removes the item's version and event rows on <paramref name="platform"/> (retention, after the version blobs,
    /// <see cref="Folder"/>); rows already gone are no error, so a retry removes the rest.
    /// </summary>
    public async Task RemoveAsync(string platform, string itemId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.ItemHistory, cancellationToken);
        var partition = TableKeys.Escape(itemId);
        var (from, to) = ($"{platform}|", $"{platform}|\uffff");
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey lt {to}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
        }
    }

    /// <summary>The archive folder of one item's versions: <c>items/{platform}/{hash of item id}/</c>.</summary>
    public static string Folder(string platform, string itemId) =>
        $"items/{platform}/{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(itemId)))[..32]}/";

    private static string RowKey(string platform, char kind, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{platform}|{kind}{number:D6}");

    private static string VersionBlob(string platform, string itemId, int version) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Folder(platform, itemId)}v{version:D6}.json");
}
