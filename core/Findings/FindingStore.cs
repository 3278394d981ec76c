using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Findings;

/// <summary>
/// Findings in Table Storage: <c>Findings</c> (PartitionKey location, RowKey id) for merges and look-ups, and
/// <c>FindingsByTime</c> (PartitionKey location, RowKey inverted first-seen ticks + id) for newest-first lists.
/// The index row is written after the main row; a retry rewrites both, so a crash between them heals on the next run.
/// </summary>
public sealed class FindingStore(StorageClients storage)
{
    public async Task<FindingMerge> MergeAsync(Finding candidate, CancellationToken cancellationToken)
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
                    await WriteIndexAsync(candidate, cancellationToken);
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
                LastSeen = candidate.LastSeen,
                ItemVersion = candidate.ItemVersion,
                Permalink = candidate.Permalink ?? stored.Permalink,
            };
            if (merged == stored)
            {
                return new FindingMerge(stored, Created: false); // Nothing new: no write.
            }
            if (await TryUpdateAsync(table, merged, existing.Value!.ETag, cancellationToken))
            {
                await WriteIndexAsync(merged, cancellationToken);
                return new FindingMerge(merged, Created: false);
            }
        }
    }

    public async Task<Finding?> GetAsync(string location, string id, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Findings, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(location, id, cancellationToken: cancellationToken);
        return row.HasValue ? FindingRows.FromEntity(row.Value!) : null;
    }

    /// <summary>Applies <paramref name="change"/> to the stored finding with optimistic concurrency, retrying on a conflict.</summary>
    public async Task<Finding?> UpdateAsync(string location, string id, Func<Finding, Finding> change, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Findings, cancellationToken);
        while (true)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(location, id, cancellationToken: cancellationToken);
            if (!row.HasValue)
            {
                return null;
            }
            var changed = change(FindingRows.FromEntity(row.Value!));
            if (await TryUpdateAsync(table, changed, row.Value!.ETag, cancellationToken))
            {
                await WriteIndexAsync(changed, cancellationToken);
                return changed;
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
        var positions = ContinuationToken.Read(continuationToken, QueryHash(query));
        var candidates = new List<(string Location, string RowKey, Finding Finding)>();
        var more = false;
        foreach (var location in query.Locations.Distinct(StringComparer.Ordinal))
        {
            var after = positions.GetValueOrDefault(location, "");
            var filter = query.Status is null
                ? TableClient.CreateQueryFilter($"PartitionKey eq {location} and RowKey gt {after}")
                : TableClient.CreateQueryFilter($"PartitionKey eq {location} and RowKey gt {after} and Status eq {query.Status}");
            await foreach (var page in table.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken).AsPages())
            {
                candidates.AddRange(page.Values.Select(e => (location, e.RowKey, FindingRows.FromEntity(e))));
                more |= page.ContinuationToken is not null;
                break;
            }
        }

        var taken = candidates.OrderBy(c => c.RowKey, StringComparer.Ordinal).Take(pageSize).ToList();
        more |= candidates.Count > taken.Count;
        foreach (var (location, rowKey, _) in taken)
        {
            positions[location] = rowKey;
        }
        return new FindingPage(
            [.. taken.Select(t => t.Finding)],
            more ? ContinuationToken.Write(positions, QueryHash(query)) : null);
    }

    private static async Task<bool> TryUpdateAsync(TableClient table, Finding finding, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            await table.UpdateEntityAsync(FindingRows.ToEntity(finding, finding.Id), etag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false;
        }
    }

    private async Task WriteIndexAsync(Finding finding, CancellationToken cancellationToken)
    {
        var index = await storage.TableAsync(TableNames.FindingsByTime, cancellationToken);
        await index.UpsertEntityAsync(FindingRows.ToEntity(finding, FindingRows.TimeKey(finding)), TableUpdateMode.Replace, cancellationToken);
    }

    private static string QueryHash(FindingQuery query)
    {
        var text = string.Join(',', query.Locations.Order(StringComparer.Ordinal)) + "|" + query.Status;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    private static class ContinuationToken
    {
        public static Dictionary<string, string> Read(string? token, string queryHash)
        {
            if (string.IsNullOrEmpty(token))
            {
                return new(StringComparer.Ordinal);
            }
            try
            {
                var json = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
                var state = JsonSerializer.Deserialize<State>(json);
                if (state?.Q == queryHash && state.P is not null)
                {
                    return new(state.P, StringComparer.Ordinal);
                }
            }
            catch (Exception e) when (e is FormatException or JsonException)
            {
                // Falls through to the refusal below.
            }
            throw new InvalidContinuationTokenException();
        }

        public static string Write(Dictionary<string, string> positions, string queryHash) =>
            Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new State { Q = queryHash, P = positions }));

        private sealed class State
        {
            public string? Q { get; set; }
            public Dictionary<string, string>? P { get; set; }
        }
    }
}
