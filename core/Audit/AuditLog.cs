using System.Text.RegularExpressions;
using Azure;
using Azure.Data.Tables;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Audit;

/// <summary>
/// The append-only audit log: table <c>Audit</c> (newest first) and <c>AuditBySubject</c> (one subject's history).
/// Rows are only ever added and never updated; the one delete path is retention (<see cref="RemoveAsync"/>), which
/// writes what it removed as entries of its own. An entry has its id before it is written, so writing
/// the same entry again is a no-op; an append retried after a crash with a new entry adds a second row with its own
/// id, which is the honest record of what was attempted.
/// </summary>
public sealed partial class AuditLog(StorageClients storage, TimeProvider time)
{
    public const string AllPartition = "audit";

    private long _lastTicks;

    public async Task<AuditEntry> AppendAsync(
        string actor, string subject, string subjectId, string? location, string action, string? before, string? after, string why, CancellationToken cancellationToken)
    {
        var entry = NewEntry(actor, subject, subjectId, location, action, before, after, why);
        await AppendAsync(entry, cancellationToken);
        return entry;
    }

    /// <summary>
    /// An entry with its id and time, not yet written: a change can carry it and <see cref="EnsureAsync"/> write it later.
    /// Ids sort newest first; two entries made in the same tick by this process still sort in the order they were made.
    /// </summary>
    public AuditEntry NewEntry(string actor, string subject, string subjectId, string? location, string action, string? before, string? after, string why)
    {
        var at = time.GetUtcNow();
        long ticks, last;
        do
        {
            last = Interlocked.Read(ref _lastTicks);
            ticks = Math.Max(at.UtcTicks, last + 1);
        }
        while (Interlocked.CompareExchange(ref _lastTicks, ticks, last) != last);
        var key = TimeKeys.Inverted(new DateTimeOffset(ticks, TimeSpan.Zero));
        return new AuditEntry($"{key}_{Guid.NewGuid():N}", at, actor, subject, subjectId, location, action, before, after, why);
    }

    /// <summary>Writes the entry to both tables; a row already there (the same entry written before) is kept as it is.</summary>
    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await AddOnceAsync(TableNames.Audit, AuditRow.From(entry, AllPartition), cancellationToken);
        await AddOnceAsync(TableNames.AuditBySubject, AuditRow.From(entry, SubjectPartition(entry.Subject, entry.SubjectId)), cancellationToken);
    }

    /// <summary>Writes the entry unless its subject's history already holds it (one read when it does).</summary>
    public async Task EnsureAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var bySubject = await storage.TableAsync(TableNames.AuditBySubject, cancellationToken);
        var row = await bySubject.GetEntityIfExistsAsync<AuditRow>(
            SubjectPartition(entry.Subject, entry.SubjectId), entry.Id, ["RowKey"], cancellationToken);
        if (!row.HasValue)
        {
            await AppendAsync(entry, cancellationToken);
        }
    }

    /// <summary>One subject's history, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> HistoryAsync(string subject, string subjectId, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.AuditBySubject, cancellationToken);
        var entries = new List<AuditEntry>();
        var partition = SubjectPartition(subject, subjectId);
        await foreach (var row in table.QueryAsync<AuditRow>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken))
        {
            entries.Add(row.ToEntry());
        }
        return entries;
    }

    /// <summary>A page of the whole log, newest first; the continuation token is opaque to callers.</summary>
    public Task<(IReadOnlyList<AuditEntry> Entries, string? ContinuationToken)> ListAsync(string? continuationToken, int pageSize, CancellationToken cancellationToken) =>
        ListAsync(new AuditQuery(), continuationToken, pageSize, cancellationToken);

    /// <summary>
    /// A page of the entries matching <paramref name="query"/>, newest first. One subject's entries come from its own
    /// partition; time bounds are key ranges. The continuation token is opaque and bound to the query: it holds the id
    /// of the last entry returned (the next page is the keys after it), never a storage continuation, so a token whose
    /// position is not an entry id is refused as invalid.
    /// </summary>
    public async Task<(IReadOnlyList<AuditEntry> Entries, string? ContinuationToken)> ListAsync(
        AuditQuery query, string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        var hash = query.Hash();
        var after = BoundContinuationToken.Read<string>(continuationToken, hash);
        if (after is not null && !EntryId().IsMatch(after))
        {
            throw new InvalidContinuationTokenException();
        }
        var bySubject = query.Subject is not null && query.SubjectId is not null;
        var table = await storage.TableAsync(bySubject ? TableNames.AuditBySubject : TableNames.Audit, cancellationToken);
        var filter = AuditFilter(query, bySubject ? SubjectPartition(query.Subject!, query.SubjectId!) : AllPartition, after);

        // One more than the page tells whether there is a next page; a short page with a continuation is followed.
        var entries = new List<AuditEntry>(pageSize + 1);
        string? next = null;
        do
        {
            await foreach (var page in table.QueryAsync<AuditRow>(filter, pageSize + 1 - entries.Count, cancellationToken: cancellationToken).AsPages(next, pageSize + 1 - entries.Count))
            {
                entries.AddRange(page.Values.Select(r => r.ToEntry()));
                next = page.ContinuationToken;
                break;
            }
        }
        while (next is not null && entries.Count <= pageSize);
        return entries.Count > pageSize
            ? (entries.GetRange(0, pageSize), BoundContinuationToken.Write(entries[pageSize - 1].Id, hash))
            : (entries, null);
    }

    /// <summary>Every entry written before <paramref name="cutoff"/>, newest first: what the retention run looks through.</summary>
    public async IAsyncEnumerable<AuditEntry> ListBeforeAsync(
        DateTimeOffset cutoff, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Audit, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {AllPartition} and RowKey ge {TimeKeys.Bound(cutoff)}");
        await foreach (var row in table.QueryAsync<AuditRow>(filter, cancellationToken: cancellationToken))
        {
            yield return row.ToEntry();
        }
    }

    /// <summary>Removes an entry from both tables (retention): its subject's row first; rows already gone are no error, so a retry goes on.</summary>
    public async Task RemoveAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        var bySubject = await storage.TableAsync(TableNames.AuditBySubject, cancellationToken);
        await bySubject.DeleteEntityAsync(SubjectPartition(entry.Subject, entry.SubjectId), entry.Id, ETag.All, cancellationToken);
        var all = await storage.TableAsync(TableNames.Audit, cancellationToken);
        await all.DeleteEntityAsync(AllPartition, entry.Id, ETag.All, cancellationToken);
    }

    private static string AuditFilter(AuditQuery query, string partition, string? after)
    {
        var parts = new List<string> { TableClient.CreateQueryFilter($"PartitionKey eq {partition}") };
        if (after is not null)
        {
            parts.Add(TableClient.CreateQueryFilter($"RowKey gt {after}"));
        }
        if (query.To is { } to)
        {
            parts.Add(TableClient.CreateQueryFilter($"RowKey ge {TimeKeys.Bound(to)}"));
        }
        if (query.From is { } from)
        {
            parts.Add(TableClient.CreateQueryFilter($"RowKey lt {TimeKeys.Bound(from)}"));
        }
        if (query.Subject is not null)
        {
            parts.Add(TableClient.CreateQueryFilter($"Subject eq {query.Subject}"));
        }
        if (query.SubjectId is not null)
        {
            parts.Add(TableClient.CreateQueryFilter($"SubjectId eq {query.SubjectId}"));
        }
        if (query.Actor is not null)
        {
            parts.Add(TableClient.CreateQueryFilter($"Actor eq {query.Actor}"));
        }
        if (query.Location is not null)
        {
            parts.Add(TableClient.CreateQueryFilter($"Location eq {query.Location}"));
        }
        if (query.Action is not null)
        {
            parts.Add(TableClient.CreateQueryFilter($"Action eq {query.Action}"));
        }
        return string.Join(" and ", parts);
    }

    private async Task AddOnceAsync(string tableName, AuditRow entity, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(tableName, cancellationToken);
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // The same entry (same id) was written before: an entry is never replaced.
        }
    }

    /// <summary>An entry's id: its inverted time key and a GUID (<see cref="NewEntry"/>).</summary>
    [GeneratedRegex("^[0-9]{19}_[0-9a-f]{32}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex EntryId();

    private static string SubjectPartition(string subject, string subjectId) => $"{subject}_{TableKeys.Escape(subjectId)}";
}
