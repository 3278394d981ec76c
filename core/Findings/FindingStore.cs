using Azure;
using Azure.Data.Tables;
using SocialMonitor.Core.Audit;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Findings;

/// <summary>
/// Findings in Table Storage: <c>Findings</c> (PartitionKey location, RowKey id) for merges and look-ups,
/// <c>FindingsByTime</c> (PartitionKey location, RowKey inverted first-seen ticks + id) for newest-first lists, and
/// <c>FindingsByItem</c> (PartitionKey platform|item id, RowKey id) for an item's findings. The index rows are written
/// after the main row; a retry rewrites them, so a crash between them heals on the next run.
/// </summary>
public sealed class FindingStore(StorageClients storage)
{
    private const string LastChangeProperty = "LastChange";

    public Task<FindingMerge> MergeAsync(Finding candidate, CancellationToken cancellationToken) => MergeAsync(candidate, null, cancellationToken);

    /// <summary>
    /// Creates the finding, or merges the candidate's detection fields into the stored one. <paramref name="react"/>
    /// sees the stored and the merged finding and may change the status with it (a reopen), in the same conditional
    /// write, so that a retry never changes it twice.
    /// </summary>
    public async Task<FindingMerge> MergeAsync(Finding candidate, Func<Finding, Finding, FindingChange?>? react, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Findings, cancellationToken);
        while (true)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(candidate.Location, candidate.Id, cancellationToken: cancellationToken);
            if (!existing.HasValue)
            {
                try
                {
                    await table.AddEntityAsync(FindingRows.ToEntity(candidate, candidate.Id), cancellationToken);
                    await WriteIndexesAsync(candidate, cancellationToken);
                    return new FindingMerge(candidate, Created: true);
                }
                catch (RequestFailedException e) when (e.Status == 409)
                {
                    continue; // Another delivery created it first: merge into that one.
                }
            }

            // Re-evaluation merges only the detection fields; status, first detection and notification stay.
            var stored = FindingRows.FromEntity(existing.Value!);
            var merged = stored with
            {
                Evidence = candidate.Evidence,
                Quote = candidate.Quote,
                LastSeen = candidate.LastSeen,
                ItemVersion = candidate.ItemVersion,
                Permalink = candidate.Permalink ?? stored.Permalink,
            };
            var change = react?.Invoke(stored, merged) ?? new FindingChange(merged, null);
            if (change.After == stored)
            {
                return new FindingMerge(stored, Created: false); // Nothing new: no write.
            }
            if (await TryReplaceAsync(table, existing.Value!, change, cancellationToken) is not null)
            {
                await WriteIndexesAsync(change.After, cancellationToken);
                return new FindingMerge(change.After, Created: false) { Entry = change.Entry };
            }
        }
    }

    public async Task<Finding?> GetAsync(string location, string id, CancellationToken cancellationToken) =>
        (await GetStoredAsync(location, id, cancellationToken))?.Finding;

    /// <summary>The finding with its ETag and the audit entry of its last status change.</summary>
    public async Task<StoredFinding?> GetStoredAsync(string location, string id, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Findings, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(location, id, cancellationToken: cancellationToken);
        return row.HasValue ? Stored(row.Value!, row.Value!.ETag) : null;
    }

    /// <summary>Applies <paramref name="change"/> to the stored finding with optimistic concurrency, retrying on a conflict.</summary>
    public async Task<Finding?> UpdateAsync(string location, string id, Func<Finding, Finding> change, CancellationToken cancellationToken) =>
        (await ChangeAsync(location, id, null, f => new FindingChange(change(f), null), cancellationToken)).Stored?.Finding;

    /// <summary>
    /// Applies the change <paramref name="decide"/> makes of the stored finding (null: none). With
    /// <paramref name="ifMatch"/>, only if the row still has that ETag (else <see cref="FindingWriteStatus.Stale"/>);
    /// without, it decides again on the fresh row after a conflict. The row keeps the change's audit entry.
    /// </summary>
    public async Task<FindingWrite> ChangeAsync(
        string location, string id, string? ifMatch, Func<Finding, FindingChange?> decide, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Findings, cancellationToken);
        while (true)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(location, id, cancellationToken: cancellationToken);
            if (!row.HasValue)
            {
                return new FindingWrite(FindingWriteStatus.Missing, null);
            }
            var current = row.Value!;
            if (ifMatch is not null && current.ETag != new ETag(ifMatch))
            {
                return new FindingWrite(FindingWriteStatus.Stale, null);
            }
            var stored = Stored(current, current.ETag);
            if (decide(stored.Finding) is not { } change || change.After == stored.Finding)
            {
                return new FindingWrite(FindingWriteStatus.Unchanged, stored);
            }
            if (await TryReplaceAsync(table, current, change, cancellationToken) is { } etag)
            {
                await WriteIndexesAsync(change.After, cancellationToken);
                return new FindingWrite(FindingWriteStatus.Changed, new StoredFinding(change.After, etag.ToString(), change.Entry ?? stored.LastChange));
            }
            if (ifMatch is not null)
            {
                return new FindingWrite(FindingWriteStatus.Stale, null);
            }
        }
    }

    /// <summary>
    /// Newest first across the query's locations: each location's partition is read from where the last page stopped,
    /// and the pages are merged. The continuation token is opaque and bound to the query: another query refuses it.
    /// </summary>
    public async Task<FindingPage> ListAsync(FindingQuery query, string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.FindingsByTime, cancellationToken);
        var hash = query.Hash();
        var positions = new Dictionary<string, string>(
            BoundContinuationToken.Read<Dictionary<string, string>>(continuationToken, hash) ?? [], StringComparer.Ordinal);
        var reads = await Task.WhenAll(query.Locations.Distinct(StringComparer.Ordinal).Select(location =>
            ReadLocationAsync(table, FindingFilters.For(query, location, positions.GetValueOrDefault(location)), pageSize, cancellationToken)));

        var candidates = reads.SelectMany(r => r.Rows).ToList();
        var taken = candidates.OrderBy(e => e.RowKey, StringComparer.Ordinal).Take(pageSize).ToList();
        var more = reads.Any(r => r.More) || candidates.Count > taken.Count;
        foreach (var row in taken)
        {
            positions[row.PartitionKey] = row.RowKey;
        }
        return new FindingPage([.. taken.Select(FindingRows.FromEntity)], more ? BoundContinuationToken.Write(positions, hash) : null);
    }

    /// <summary>The facts the summary counts of every finding matching the query (no paging: the caller counts as it reads).</summary>
    public async IAsyncEnumerable<FindingFacts> FactsAsync(
        FindingQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.FindingsByTime, cancellationToken);
        string[] columns = ["PartitionKey", "Rule", "Status", "FirstSeen", "AcknowledgedAt"];
        foreach (var location in query.Locations.Distinct(StringComparer.Ordinal))
        {
            await foreach (var row in table.QueryAsync<TableEntity>(FindingFilters.For(query, location, null), 1000, columns, cancellationToken))
            {
                yield return new FindingFacts(row.PartitionKey, row.GetString("Rule"), row.GetString("Status"),
                    row.GetDateTimeOffset("FirstSeen") ?? default, row.GetDateTimeOffset("AcknowledgedAt"));
            }
        }
    }

    /// <summary>The findings raised on one item (any location): their locations and ids.</summary>
    public async Task<IReadOnlyList<(string Location, string Id)>> ByItemAsync(string platform, string itemId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.FindingsByItem, cancellationToken);
        var partition = ItemPartition(platform, itemId);
        var found = new List<(string, string)>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken))
        {
            found.Add((row.GetString("Location"), row.RowKey));
        }
        return found;
    }

    private static async Task<(List<TableEntity> Rows, bool More)> ReadLocationAsync(TableClient table, string filter, int pageSize, CancellationToken cancellationToken)
    {
        // A page may come back short (or empty) with a continuation: follow it until the page is full or the partition ends.
        var rows = new List<TableEntity>(pageSize);
        string? next = null;
        do
        {
            await foreach (var page in table.QueryAsync<TableEntity>(filter, pageSize - rows.Count, cancellationToken: cancellationToken).AsPages(next, pageSize - rows.Count))
            {
                rows.AddRange(page.Values);
                next = page.ContinuationToken;
                break;
            }
        }
        while (next is not null && rows.Count < pageSize);
        return (rows, next is not null);
    }

    /// <summary>Replaces the row if it is unchanged since it was read; returns the new ETag, or null on a conflict.</summary>
    private static async Task<ETag?> TryReplaceAsync(TableClient table, TableEntity current, FindingChange change, CancellationToken cancellationToken)
    {
        var entity = FindingRows.ToEntity(change.After, change.After.Id);
        entity[LastChangeProperty] = change.Entry is null ? current.GetString(LastChangeProperty) : ItemJson.Serialize(change.Entry);
        try
        {
            var response = await table.UpdateEntityAsync(entity, current.ETag, TableUpdateMode.Replace, cancellationToken);
            return response.Headers.ETag;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return null;
        }
    }

    private static StoredFinding Stored(TableEntity row, ETag etag) => new(
        FindingRows.FromEntity(row), etag.ToString(),
        row.GetString(LastChangeProperty) is { } entry ? ItemJson.Deserialize<AuditEntry>(entry) : null);

    private async Task WriteIndexesAsync(Finding finding, CancellationToken cancellationToken)
    {
        var byTime = await storage.TableAsync(TableNames.FindingsByTime, cancellationToken);
        await byTime.UpsertEntityAsync(FindingRows.ToEntity(finding, FindingRows.TimeKey(finding)), TableUpdateMode.Replace, cancellationToken);
        var byItem = await storage.TableAsync(TableNames.FindingsByItem, cancellationToken);
        await byItem.UpsertEntityAsync(
            new TableEntity(ItemPartition(finding.Platform, finding.ItemId), finding.Id) { ["Location"] = finding.Location },
            TableUpdateMode.Replace, cancellationToken);
    }

    private static string ItemPartition(string platform, string itemId) => TableKeys.Escape($"{platform}|{itemId}");
}
