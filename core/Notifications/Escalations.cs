using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Rules;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Notifications;

/// <summary>
/// Open critical and high findings watched against the policy's SLA (table <c>EscalationWatch</c>). One still open
/// when its SLA has passed, counted in business hours with the policy's holidays, is escalated once: an email to the
/// coordinator, an audit entry, and the status <c>escalated</c>. An acknowledged, resolved or dismissed one stops being
/// watched. Each step is safe to repeat: the email has a fixed id, and an escalated finding is not open any more.
/// </summary>
public sealed class Escalations(
    StorageClients storage,
    FindingStore findings,
    FindingLifecycle lifecycle,
    NotificationRouter router,
    EmailComposer composer,
    Outbox outbox,
    BusinessCalendar calendar,
    Policy policy,
    ILogger<Escalations> logger)
{
    private const string Partition = "watch";

    public static bool NeedsWatch(Finding finding) => finding.Severity is Severities.Critical or Severities.High;

    public async Task WatchAsync(Finding finding, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.EscalationWatch, cancellationToken);
        try
        {
            await table.AddEntityAsync(new TableEntity(Partition, finding.Id) { ["Location"] = finding.Location }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Already watched.
        }
    }

    /// <summary>When an open finding is due to be acknowledged: first seen (or last reopened) plus its severity's SLA in business hours.</summary>
    public DateTimeOffset Deadline(Finding finding) => calendar.AddBusinessHours(finding.ReopenedAt ?? finding.FirstSeen, SlaHours(finding));

    /// <summary>Escalates every watched finding past its SLA at <paramref name="now"/>; returns how many were escalated.</summary>
    public async Task<int> CheckAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.EscalationWatch, cancellationToken);
        var watched = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken))
        {
            watched.Add(row);
        }
        var escalated = 0;
        foreach (var row in watched)
        {
            var finding = await findings.GetAsync(row.GetString("Location"), row.RowKey, cancellationToken);
            if (finding is { Status: FindingStatuses.Open })
            {
                var deadline = Deadline(finding);
                if (deadline > now)
                {
                    continue;
                }
                await EscalateAsync(finding, deadline, cancellationToken);
                escalated++;
            }
            await table.DeleteEntityAsync(row, ETag.All, cancellationToken);
        }
        return escalated;
    }

    private int SlaHours(Finding finding) => finding.Severity == Severities.Critical ? policy.Sla.Critical : policy.Sla.High;

    private async Task EscalateAsync(Finding finding, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var coordinator = await router.CoordinatorAsync(cancellationToken);
        var told = (await router.RouteAsync(finding, cancellationToken)).Where(r => r.Delivery == NotifyPreferences.Immediate).Select(r => r.Person).ToList();
        var email = composer.Escalation(coordinator, finding, deadline, told, await router.LocationNamesAsync(cancellationToken));
        await outbox.EnqueueAsync(EmailKinds.Escalation, email, [finding], cancellationToken);

        // The email first (a fixed id: a retry queues it once), then the status with its ETag, then its audit entry
        // (FindingLifecycle): a crash before the change escalates again on the next run, with one entry in the end; an
        // acknowledgement in between wins, and no entry says escalated.
        await lifecycle.EscalateBySystemAsync(finding.Location, finding.Id,
            $"Not acknowledged within {SlaHours(finding)} business hours (due {deadline:yyyy-MM-dd'T'HH:mm'Z'}); emailed to the coordinator.", cancellationToken);
        logger.LogWarning("Escalated {Severity} finding {FindingId} of {Location} to the coordinator: not acknowledged by {Deadline}",
            finding.Severity, finding.Id, finding.Location, deadline);
    }
}
