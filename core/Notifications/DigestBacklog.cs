using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Notifications;

/// <summary>
/// Findings waiting for a person's daily digest: table <c>DigestItems</c> (PartitionKey the person's email, RowKey the
/// finding id). At each person's digest time (<see cref="BusinessCalendar.LastDigestTime"/>) what was queued before it
/// becomes one digest email in the outbox, and then the items are removed. A run cut off between the two is repeated
/// by the next hourly run with the same slot, so the same digest id (<see cref="EmailIds.ForDigest"/>), even when some
/// of its findings were acknowledged in between: no second email.
/// </summary>
public sealed class DigestBacklog(
    StorageClients storage,
    FindingStore findings,
    NotificationRouter router,
    EmailComposer composer,
    Outbox outbox,
    BusinessCalendar calendar,
    ILogger<DigestBacklog> logger)
{
    /// <summary>Adds a finding to a person's next digest; adding it again keeps the first time it was queued.</summary>
    public async Task AddAsync(Person person, Finding finding, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.DigestItems, cancellationToken);
        try
        {
            await table.AddEntityAsync(new TableEntity(Key(person.Email), finding.Id)
            {
                ["Location"] = finding.Location,
                ["QueuedAt"] = now,
                ["Person"] = ItemJson.Serialize(person),
            }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Already waiting for this person's digest.
        }
    }

    /// <summary>Queues every digest that is due at <paramref name="now"/>; returns how many digest emails were queued.</summary>
    public async Task<int> SendDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.DigestItems, cancellationToken);
        var waiting = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(cancellationToken: cancellationToken))
        {
            waiting.Add(row);
        }
        if (waiting.Count == 0)
        {
            return 0;
        }
        var people = await router.PeopleByEmailAsync(cancellationToken);
        var names = await router.LocationNamesAsync(cancellationToken);
        var coordinator = await router.FindCoordinatorAsync(cancellationToken);
        var sent = 0;
        foreach (var group in waiting.GroupBy(r => r.PartitionKey, StringComparer.Ordinal))
        {
            var stored = ItemJson.Deserialize<Person>(group.First().GetString("Person"));
            var person = people.GetValueOrDefault(stored.Email) ?? stored; // Today's preferences when the person is still registered.
            var dueAt = calendar.LastDigestTime(now, person.DigestHour);
            var due = group.Where(r => r.GetDateTimeOffset("QueuedAt") < dueAt).ToList();
            if (due.Count == 0)
            {
                continue;
            }
            var open = new List<Finding>();
            foreach (var row in due)
            {
                // Only what still needs a look: acknowledged, resolved and dismissed findings are left out.
                if (await findings.GetAsync(row.GetString("Location"), row.RowKey, cancellationToken) is { Status: FindingStatuses.Open or FindingStatuses.Escalated } finding)
                {
                    open.Add(finding);
                }
            }
            if (open.Count > 0)
            {
                var digest = composer.Digest(person, open, names, coordinator) with { Id = EmailIds.ForDigest(person.Email, dueAt) };
                await outbox.EnqueueAsync(EmailKinds.Digest, digest, open, cancellationToken);
                sent++;
            }
            foreach (var batch in due.Chunk(100))
            {
                await table.SubmitTransactionAsync(batch.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, ETag.All)), cancellationToken);
            }
            logger.LogInformation("Digest for {Person}: {Count} findings ({Open} still open)", person.Name, due.Count, open.Count);
        }
        return sent;
    }

    private static string Key(string email) => TableKeys.Escape(email.Trim().ToLowerInvariant());
}
