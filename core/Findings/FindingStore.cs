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
/// after the main row; every change, also one that finds nothing to change or a stale ETag, rewrites them from the
/// main row, so a retry after a crash or a failed index write between them repairs the index. The trend counts
/// (<see cref="FindingTrendIndex"/>) are kept the same way, after the index rows, and count a finding once however often
/// they are written.
/// </summary>
public sealed class FindingStore(StorageClients storage, FindingTrendIndex trends)
{
    /// <summary>
    /// Adds a new finding with its index rows; false when a finding with its id is already stored (nothing is written).
    /// Recording a detection (create or merge) is <see cref="FindingLifecycle.RecordAsync"/>'s, which calls this.
    /// </summary>
    public async Task<bool> TryAddAsync(Finding finding, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Findings, cancellationToken);
        try
        {
            await table.AddEntityAsync(FindingRow.From(finding, finding.Id), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
        await WriteIndexesAsync(finding, cancellationToken);
        return true;
    }

    public async Task<Finding?> GetAsync(string location, string id, CancellationToken cancellationToken) =>
        (await GetStoredAsync(location, id, cancellationToken))?.Finding;

    /// <summary>The finding with its ETag and the audit entry of its last status change.</summary>
    public async Task<StoredFinding?> GetStoredAsync(string location, string id, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Findings, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<FindingRow>(location, id, cancellationToken: cancellationToken);
        return row.HasValue ? Stored(row.Value!) : null;
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
            var row = await table.GetEntityIfExistsAsync<FindingRow>(location, id, cancellationToken: cancellationToken);
            if (!row.HasValue)
            {
                return new FindingWrite(FindingWriteStatus.Missing, null);
            }
            var current = row.Value!;
            if (ifMatch is not null && current.ETag != new ETag(ifMatch))
            {
                await RepairIndexesAsync(current.ToFinding(), cancellationToken);
                return new FindingWrite(FindingWriteStatus.Stale, null);
            }
            var stored = Stored(current);
            if (decide(stored.Finding) is not { } change || change.After == stored.Finding)
            {
                // A retry of a change whose index write failed finds it made: the index rows are written again from
                // the main row, so list, summary and health agree with it.
                await RepairIndexesAsync(stored.Finding, cancellationToken);
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
    /// <paramref name="match"/>, when given, keeps only the rows it accepts (the free text of <see cref="FindingQuery.Text"/>),
    /// reading on until the page is full; a location whose matches were all taken resumes after the last row it examined.
    /// </summary>
    public async Task<FindingPage> ListAsync(FindingQuery query, string? continuationToken, int pageSize, CancellationToken cancellationToken,
        Func<Finding, CancellationToken, ValueTask<bool>>? match = null)
    {
        var table = await storage.TableAsync(TableNames.FindingsByTime, cancellationToken);
        var hash = query.Hash();
        var positions = new Dictionary<string, string>(
            BoundContinuationToken.Read<Dictionary<string, string>>(continuationToken, hash) ?? [], StringComparer.Ordinal);
        var reads = await Task.WhenAll(query.Locations.Distinct(StringComparer.Ordinal).Select(location =>
            ReadLocationAsync(table, FindingFilters.For(query, location, positions.GetValueOrDefault(location)), pageSize, match, cancellationToken)));

        var candidates = reads.SelectMany(r => r.Rows).ToList();
        var taken = candidates.OrderBy(e => e.Row.RowKey, StringComparer.Ordinal).Take(pageSize).ToList();
        var more = reads.Any(r => r.More) || candidates.Count > taken.Count;
        foreach (var (row, _) in taken)
        {
            positions[row.PartitionKey] = row.RowKey;
        }
        foreach (var read in reads.Where(r => r.LastExamined is not null && r.Rows.All(taken.Contains)))
        {
            positions[read.LastExamined!.PartitionKey] = read.LastExamined.RowKey;
        }
        return new FindingPage([.. taken.Select(t => t.Finding)], more ? BoundContinuationToken.Write(positions, hash) : null);
    }

    /// <summary>The facts the summary counts of every finding matching the query (no paging: the caller counts as it reads).</summary>
    public async IAsyncEnumerable<FindingFacts> FactsAsync(
        FindingQuery query, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.FindingsByTime, cancellationToken);
        string[] columns = ["PartitionKey", "Account", "Rule", "Severity", "Status", "FirstSeen", "AcknowledgedAt"];
        foreach (var location in query.Locations.Distinct(StringComparer.Ordinal))
        {
            await foreach (var row in table.QueryAsync<FindingRow>(FindingFilters.For(query, location, null), 1000, columns, cancellationToken))
            {
                yield return new FindingFacts(row.PartitionKey, row.Account, row.Rule!, row.Severity!, row.Status!, row.FirstSeen ?? default, row.AcknowledgedAt);
            }
        }
    }

    /// <summary>The findings raised on one item (any location): their locations and ids.</summary>
    public async Task<IReadOnlyList<(string Location, string Id)>> ByItemAsync(string platform, string itemId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.FindingsByItem, cancellationToken);
        var partition = ItemPartition(platform, itemId);
        var found = new List<(string, string)>();
        await foreach (var row in table.QueryAsync<FindingItemRow>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken))
        {
            found.Add((row.Location!, row.RowKey));
        }
        return found;
    }

    /// <summary>Every finding of every location, from the main table: what the retention run looks through.</summary>
    public async IAsyncEnumerable<Finding> ListAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Findings, cancellationToken);
        await foreach (var row in table.QueryAsync<FindingRow>(cancellationToken: cancellationToken))
        {
            yield return row.ToFinding();
        }
    }

    /// <summary>
    /// Removes a finding's three rows (retention): the index rows first, the main row last, and only if it is unchanged
    /// since <paramref name="finding"/> was read (a finding reopened meanwhile stays; false). A retry after a crash
    /// between them finds the main row and removes again; rows already gone are no error.
    /// </summary>
    public async Task<bool> RemoveAsync(Finding finding, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Findings, cancellationToken);
        var current = await table.GetEntityIfExistsAsync<FindingRow>(finding.Location, finding.Id, cancellationToken: cancellationToken);
        if (current.HasValue && current.Value!.ToFinding() != finding)
        {
            return false;
        }
        var byItem = await storage.TableAsync(TableNames.FindingsByItem, cancellationToken);
        await byItem.DeleteEntityAsync(ItemPartition(finding.Platform, finding.ItemId), finding.Id, ETag.All, cancellationToken);
        var byTime = await storage.TableAsync(TableNames.FindingsByTime, cancellationToken);
        await byTime.DeleteEntityAsync(finding.Location, FindingRow.TimeKey(finding), ETag.All, cancellationToken);
        if (current.HasValue)
        {
            try
            {
                await table.DeleteEntityAsync(finding.Location, finding.Id, current.Value!.ETag, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Changed between the read and the delete: its index rows are written again from the main row.
                await RepairIndexesAsync((await table.GetEntityAsync<FindingRow>(finding.Location, finding.Id, cancellationToken: cancellationToken)).Value.ToFinding(), cancellationToken);
                return false;
            }
        }
        // Only once the main row is gone: a finding that stays keeps its marker, so it is never counted twice.
        await trends.ForgetAsync(finding, cancellationToken);
        return true;
    }

    private static async Task<(List<(FindingRow Row, Finding Finding)> Rows, bool More, FindingRow? LastExamined)> ReadLocationAsync(
        TableClient table, string filter, int pageSize, Func<Finding, CancellationToken, ValueTask<bool>>? match, CancellationToken cancellationToken)
    {
        // A page may come back short (or empty) with a continuation: follow it until the page is full or the partition ends.
        var rows = new List<(FindingRow, Finding)>(pageSize);
        FindingRow? last = null;
        string? next = null;
        do
        {
            await foreach (var page in table.QueryAsync<FindingRow>(filter, pageSize - rows.Count, cancellationToken: cancellationToken).AsPages(next, pageSize - rows.Count))
            {
                foreach (var row in page.Values)
                {
                    var finding = row.ToFinding();
                    if (match is null || await match(finding, cancellationToken))
                    {
                        rows.Add((row, finding));
                    }
                    last = row;
                }
                next = page.ContinuationToken;
                break;
            }
        }
        while (next is not null && rows.Count < pageSize);
        return (rows, next is not null, match is null ? null : last);
    }

    /// <summary>Replaces the row if it is unchanged since it was read; returns the new ETag, or null on a conflict.</summary>
    private static async Task<ETag?> TryReplaceAsync(TableClient table, FindingRow current, FindingChange change, CancellationToken cancellationToken)
    {
        var entity = FindingRow.From(change.After, change.After.Id, change.Entry is null ? current.LastChange : ItemJson.Serialize(change.Entry));
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

    private static StoredFinding Stored(FindingRow row) => new(
        row.ToFinding(), row.ETag.ToString(), row.LastChange is { } entry ? ItemJson.Deserialize<AuditEntry>(entry) : null);

    /// <summary>Writes the index rows again only when the time index differs from the main row (a repeat writes nothing).</summary>
    private async Task RepairIndexesAsync(Finding finding, CancellationToken cancellationToken)
    {
        var byTime = await storage.TableAsync(TableNames.FindingsByTime, cancellationToken);
        var row = await byTime.GetEntityIfExistsAsync<FindingRow>(finding.Location, FindingRow.TimeKey(finding), cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value!.ToFinding() != finding)
        {
            await WriteIndexesAsync(finding, cancellationToken);
            return;
        }
        await trends.CountAsync(finding, cancellationToken);
    }

    private async Task WriteIndexesAsync(Finding finding, CancellationToken cancellationToken)
    {
        var byTime = await storage.TableAsync(TableNames.FindingsByTime, cancellationToken);
        await byTime.UpsertEntityAsync(FindingRow.From(finding, FindingRow.TimeKey(finding)), TableUpdateMode.Replace, cancellationToken);
        var byItem = await storage.TableAsync(TableNames.FindingsByItem, cancellationToken);
        await byItem.UpsertEntityAsync(
            new FindingItemRow { PartitionKey = ItemPartition(finding.Platform, finding.ItemId), RowKey = finding.Id, Location = finding.Location },
            TableUpdateMode.Replace, cancellationToken);
        await trends.CountAsync(finding, cancellationToken);
    }

    private static string ItemPartition(string platform, string itemId) => TableKeys.Escape($"{platform}|{itemId}");
}
