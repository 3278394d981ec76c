using Azure.Data.Tables;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Approvals;

/// <summary>
/// Approvals in Table Storage: table <c>Approvals</c>, PartitionKey the kind's (<see cref="ApprovalKinds.Partition"/>:
/// <c>link</c> for links, as it always was), RowKey the id, column <c>Approval</c> the approval's JSON. Approvals are
/// never deleted: revoking one marks it, so the record of what was allowed when stays. Adding the same id again
/// replaces it (a retried add writes the same row).
/// </summary>
public sealed class ApprovalStore(StorageClients storage)
{
    /// <summary>Writes the approval; returns it with its row's new ETag.</summary>
    public async Task<Approval> AddAsync(Approval approval, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Approvals, cancellationToken);
        var response = await table.UpsertEntityAsync(
            new ApprovalRow { PartitionKey = ApprovalKinds.Partition(approval.Kind), RowKey = TableKeys.Escape(approval.Id), Approval = ItemJson.Serialize(approval) },
            TableUpdateMode.Replace, cancellationToken);
        return approval with { ETag = response.Headers.ETag?.ToString() };
    }

    /// <summary>
    /// Replaces the approval if its row is still at <paramref name="etag"/>; returns it with its new ETag, or null when
    /// the row changed (or went) since it was read.
    /// </summary>
    public async Task<Approval?> TryReplaceAsync(Approval approval, string etag, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Approvals, cancellationToken);
        try
        {
            var response = await table.UpdateEntityAsync(
                new ApprovalRow { PartitionKey = ApprovalKinds.Partition(approval.Kind), RowKey = TableKeys.Escape(approval.Id), Approval = ItemJson.Serialize(approval) },
                new Azure.ETag(etag), TableUpdateMode.Replace, cancellationToken);
            return approval with { ETag = response.Headers.ETag?.ToString() };
        }
        catch (Azure.RequestFailedException e) when (e.Status is 412 or 404)
        {
            return null;
        }
    }

    /// <summary>The approval, or null when there is none (an id too long to be a key is none).</summary>
    public async Task<Approval?> GetAsync(string kind, string id, CancellationToken cancellationToken)
    {
        if (!TableKeys.Fits(TableKeys.Escape(id)))
        {
            return null;
        }
        var table = await storage.TableAsync(TableNames.Approvals, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<ApprovalRow>(ApprovalKinds.Partition(kind), TableKeys.Escape(id), cancellationToken: cancellationToken);
        return row.HasValue ? Read(kind, row.Value!) : null;
    }

    /// <summary>A link approval (the kind of every approval before the others existed).</summary>
    public Task<Approval?> GetAsync(string id, CancellationToken cancellationToken) => GetAsync(ApprovalKinds.Links, id, cancellationToken);

    /// <summary>Every approval of <paramref name="kind"/>, or of every kind when null; revoked and expired ones included (callers filter with <see cref="Approval.InForce"/>).</summary>
    public async Task<IReadOnlyList<Approval>> ListAsync(string? kind, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Approvals, cancellationToken);
        var list = new List<Approval>();
        foreach (var each in kind is null ? ApprovalKinds.All : [kind])
        {
            await foreach (var row in table.QueryAsync<ApprovalRow>(TableClient.CreateQueryFilter($"PartitionKey eq {ApprovalKinds.Partition(each)}"), cancellationToken: cancellationToken))
            {
                list.Add(Read(each, row));
            }
        }
        return list;
    }

    /// <summary>The link approvals.</summary>
    public Task<IReadOnlyList<Approval>> ListAsync(CancellationToken cancellationToken) => ListAsync(ApprovalKinds.Links, cancellationToken);

    private static Approval Read(string kind, ApprovalRow row) => ItemJson.Deserialize<Approval>(row.Approval!) with { Kind = kind, ETag = row.ETag.ToString() };
}
