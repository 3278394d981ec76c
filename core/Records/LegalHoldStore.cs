using Azure;
using Azure.Data.Tables;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Records;

/// <summary>
/// The holds in table <c>LegalHolds</c>. A hold is added once (its id is new) and changed only when it is lifted, with
/// the ETag it was read with; nothing deletes a hold.
/// </summary>
public sealed class LegalHoldStore(StorageClients storage)
{
    public async Task AddAsync(LegalHold hold, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.LegalHolds, cancellationToken);
        await table.AddEntityAsync(LegalHoldRow.Of(hold), cancellationToken);
    }

    public async Task<(LegalHold Hold, ETag ETag)?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!TableKeys.Fits(id) || id != TableKeys.Escape(id))
        {
            return null; // Not an id this store ever gave out (from a URL): no row has it.
        }
        var table = await storage.TableAsync(TableNames.LegalHolds, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<LegalHoldRow>(LegalHoldRow.Partition, id, cancellationToken: cancellationToken);
        return row.HasValue ? (row.Value!.ToHold(), row.Value.ETag) : null;
    }

    /// <summary>Every hold, lifted ones included, oldest first.</summary>
    public async Task<IReadOnlyList<LegalHold>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.LegalHolds, cancellationToken);
        var holds = new List<LegalHold>();
        await foreach (var row in table.QueryAsync<LegalHoldRow>(r => r.PartitionKey == LegalHoldRow.Partition, cancellationToken: cancellationToken))
        {
            holds.Add(row.ToHold());
        }
        return [.. holds.OrderBy(h => h.PlacedAt).ThenBy(h => h.Id, StringComparer.Ordinal)];
    }

    /// <summary>Writes the lifted hold if its row is unchanged since <paramref name="etag"/>; false when another change came first.</summary>
    public async Task<bool> TryReplaceAsync(LegalHold hold, ETag etag, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.LegalHolds, cancellationToken);
        try
        {
            await table.UpdateEntityAsync(LegalHoldRow.Of(hold), etag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false;
        }
    }
}
