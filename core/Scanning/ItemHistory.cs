using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Scanning;

/// <summary>
/// Every version and event of every item, never overwritten by a later one (table <c>ItemHistory</c>; PartitionKey the
/// item id, RowKey <c>{platform}|v{version}</c> or <c>{platform}|e{n}</c>; each version's item JSON in the
/// <c>archive</c> container). Row keys come from the version and event counters of the index row, which is written after
/// them: a retry after a crash writes the same rows again, never a second copy. A version row names the archived
/// answers it came from (<c>RawSha256</c>, space-separated); a row written before versions recorded them has none.
/// </summary>
public sealed class ItemHistory(StorageClients storage)
{
    /// <param name="raw">The SHA-256 of the archived answers this version came from.</param>
    public async Task AddVersionAsync(string account, Item item, int version, string hash, DateTimeOffset at, IReadOnlyList<string> raw,
        CancellationToken cancellationToken)
    {
        var blob = VersionBlob(item.Platform, item.Id, version);
        var container = await storage.ContainerAsync(ContainerNames.Archive, cancellationToken);
        await container.GetBlobClient(blob).UploadAsync(BinaryData.FromString(ItemJson.Serialize(item)), overwrite: true, cancellationToken);
        var table = await storage.TableAsync(TableNames.ItemHistory, cancellationToken);
        await table.UpsertEntityAsync(new ItemHistoryRow
        {
            PartitionKey = TableKeys.Escape(item.Id),
            RowKey = RowKey(item.Platform, 'v', version),
            ItemId = item.Id,
            Platform = item.Platform,
            Account = account,
            At = at,
            Version = version,
            Hash = hash,
            Blob = blob,
            RawSha256 = string.Join(' ', raw),
        }, TableUpdateMode.Replace, cancellationToken);
    }

    /// <param name="number">The item's event number (its index row's count + 1).</param>
    public async Task AddEventAsync(IndexedItem item, int number, string what, DateTimeOffset at, int? fromVersion, int? toVersion, string? detail,
        CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.ItemHistory, cancellationToken);
        await table.UpsertEntityAsync(new ItemHistoryRow
        {
            PartitionKey = TableKeys.Escape(item.ItemId),
            RowKey = RowKey(item.Platform, 'e', number),
            ItemId = item.ItemId,
            Platform = item.Platform,
            Account = item.Account,
            At = at,
            Event = what,
            FromVersion = fromVersion,
            ToVersion = toVersion,
            Detail = detail,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>An item's versions (each with the item as it was) and events, in time order; on every platform that has the id.</summary>
    public async Task<IReadOnlyList<ItemHistoryEntry>> ListAsync(string itemId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.ItemHistory, cancellationToken);
        var container = await storage.ContainerAsync(ContainerNames.Archive, cancellationToken);
        var entries = new List<ItemHistoryEntry>();
        var partition = TableKeys.Escape(itemId);
        await foreach (var row in table.QueryAsync<ItemHistoryRow>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken))
        {
            entries.Add(await EntryAsync(container, row, cancellationToken));
        }
        return InTimeOrder(entries);
    }

    /// <summary>
    /// Every item of one account with its history (as <see cref="ListAsync"/> gives it), one item at a time in the
    /// order of its escaped id (the order of the account's <see cref="ItemIndex"/> partition): one read of the table,
    /// and only one item's history in memory at once.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<ItemHistoryEntry>> ReadAccountAsync(string account,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.ItemHistory, cancellationToken);
        var container = await storage.ContainerAsync(ContainerNames.Archive, cancellationToken);
        var entries = new List<ItemHistoryEntry>();
        string? partition = null;
        await foreach (var row in table.QueryAsync<ItemHistoryRow>(TableClient.CreateQueryFilter($"Account eq {account}"), 1000, cancellationToken: cancellationToken))
        {
            if (partition is not null && row.PartitionKey != partition)
            {
                yield return InTimeOrder(entries);
                entries = [];
            }
            partition = row.PartitionKey;
            entries.Add(await EntryAsync(container, row, cancellationToken));
        }
        if (entries.Count > 0)
        {
            yield return InTimeOrder(entries);
        }
    }

    private static async Task<ItemHistoryEntry> EntryAsync(BlobContainerClient container, ItemHistoryRow row, CancellationToken cancellationToken)
    {
        Item? item = null;
        if (row.Blob is { } blob)
        {
            var content = await container.GetBlobClient(blob).DownloadContentAsync(cancellationToken);
            item = ItemJson.Deserialize<Item>(content.Value.Content.ToString());
        }
        return new ItemHistoryEntry
        {
            ItemId = row.ItemId!,
            Platform = row.Platform!,
            Account = row.Account!,
            At = row.At ?? default,
            Version = row.Version,
            Hash = row.Hash,
            Event = row.Event,
            FromVersion = row.FromVersion,
            ToVersion = row.ToVersion,
            Detail = row.Detail,
            RawSha256 = row.RawSha256 is { } raw ? raw.Split(' ', StringSplitOptions.RemoveEmptyEntries) : null,
            Item = item,
        };
    }

    // Versions before the events of the same moment: an edit's new version is listed before the edit that made it.
    private static List<ItemHistoryEntry> InTimeOrder(List<ItemHistoryEntry> entries) =>
        [.. entries.OrderBy(e => e.At).ThenBy(e => e.Event is null ? 0 : 1).ThenBy(e => e.Version ?? e.ToVersion ?? 0)];

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
        await foreach (var row in table.QueryAsync<ItemHistoryRow>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
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
