using Azure.Data.Tables;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Audit;

/// <summary>
/// The append-only audit log: table <c>Audit</c> (newest first) and <c>AuditBySubject</c> (one subject's history).
/// Rows are only ever added: there is no update or delete path. An append retried after a crash adds a second row
/// with its own id, which is the honest record of what was attempted.
/// </summary>
public sealed class AuditLog(StorageClients storage, TimeProvider time)
{
    public const string AllPartition = "audit";

    public async Task<AuditEntry> AppendAsync(
        string actor, string subject, string subjectId, string? location, string action, string? before, string? after, string why, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        var entry = new AuditEntry($"{DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks:D19}_{Guid.NewGuid():N}", at, actor, subject, subjectId, location, action, before, after, why);
        var all = await storage.TableAsync(TableNames.Audit, cancellationToken);
        await all.AddEntityAsync(ToEntity(entry, AllPartition), cancellationToken);
        var bySubject = await storage.TableAsync(TableNames.AuditBySubject, cancellationToken);
        await bySubject.AddEntityAsync(ToEntity(entry, SubjectPartition(subject, subjectId)), cancellationToken);
        return entry;
    }

    /// <summary>One subject's history, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> HistoryAsync(string subject, string subjectId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.AuditBySubject, cancellationToken);
        var entries = new List<AuditEntry>();
        var partition = SubjectPartition(subject, subjectId);
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken))
        {
            entries.Add(FromEntity(row));
        }
        return entries;
    }

    /// <summary>A page of the whole log, newest first; <paramref name="continuationToken"/> is the table's own, opaque to callers.</summary>
    public async Task<(IReadOnlyList<AuditEntry> Entries, string? ContinuationToken)> ListAsync(string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Audit, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {AllPartition}");
        await foreach (var page in table.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken).AsPages(continuationToken, pageSize))
        {
            return ([.. page.Values.Select(FromEntity)], page.ContinuationToken);
        }
        return ([], null);
    }

    private static string SubjectPartition(string subject, string subjectId) => $"{subject}_{TableKeys.Escape(subjectId)}";

    private static TableEntity ToEntity(AuditEntry entry, string partition) => new(partition, entry.Id)
    {
        ["At"] = entry.At,
        ["Actor"] = entry.Actor,
        ["Subject"] = entry.Subject,
        ["SubjectId"] = entry.SubjectId,
        ["Location"] = entry.Location,
        ["Action"] = entry.Action,
        ["Before"] = entry.Before,
        ["After"] = entry.After,
        ["Why"] = entry.Why,
    };

    private static AuditEntry FromEntity(TableEntity row) => new(
        row.RowKey, row.GetDateTimeOffset("At") ?? default, row.GetString("Actor"), row.GetString("Subject"), row.GetString("SubjectId"),
        row.GetString("Location"), row.GetString("Action"), row.GetString("Before"), row.GetString("After"), row.GetString("Why"));
}
