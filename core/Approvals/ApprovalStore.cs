using Azure.Data.Tables;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Approvals;

/// <summary>
/// Link approvals in Table Storage (table <c>Approvals</c>, PartitionKey <c>link</c>, RowKey the id). Approvals are
/// never deleted: revoking one marks it, so the record of what was allowed when stays. Adding the same id again
/// replaces it (a retried add writes the same row).
/// </summary>
public sealed class ApprovalStore(StorageClients storage)
{
    private const string LinkPartition = "link";

    public async Task AddAsync(LinkApproval approval, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Approvals, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(LinkPartition, TableKeys.Escape(approval.Id)) { ["Approval"] = ItemJson.Serialize(approval) },
            TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>The approval, or null when there is none (an id too long to be a key is none).</summary>
    public async Task<LinkApproval?> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (!TableKeys.Fits(TableKeys.Escape(id)))
        {
            return null;
        }
        var table = await storage.TableAsync(TableNames.Approvals, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(LinkPartition, TableKeys.Escape(id), cancellationToken: cancellationToken);
        return row.HasValue ? ItemJson.Deserialize<LinkApproval>(row.Value!.GetString("Approval")) : null;
    }

    /// <summary>Every approval, revoked and expired ones included (callers filter with <see cref="LinkApproval.InForce"/>).</summary>
    public async Task<IReadOnlyList<LinkApproval>> ListAsync(CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Approvals, cancellationToken);
        var list = new List<LinkApproval>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {LinkPartition}"), cancellationToken: cancellationToken))
        {
            list.Add(ItemJson.Deserialize<LinkApproval>(row.GetString("Approval")));
        }
        return list;
    }

    /// <summary>Marks an approval revoked; returns it as stored, or null when there is no such approval. Revoking twice keeps the first revocation.</summary>
    public async Task<LinkApproval?> RevokeAsync(string id, string by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var approval = await GetAsync(id, cancellationToken);
        if (approval is null || approval.RevokedAt is not null)
        {
            return approval;
        }
        var revoked = approval with { RevokedAt = at, RevokedBy = by };
        await AddAsync(revoked, cancellationToken);
        return revoked;
    }
}
