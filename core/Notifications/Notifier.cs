using Microsoft.Extensions.Logging;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Queues;

namespace SocialMonitor.Core.Notifications;

/// <summary>
/// <c>notify</c>: one email per new finding to the managers of its location; capture and governance findings, and
/// findings of a location without managers, go to the coordinator. A finding already marked notified is not sent
/// again, so a repeated message sends nothing; a crash between the send and the mark sends once more (same id, so the
/// file sender replaces the same file): a duplicate is better than a lost alert.
/// </summary>
public sealed class Notifier(
    FindingStore findings,
    AccountRegistry registry,
    EmailComposer composer,
    INotificationSender sender,
    TimeProvider time,
    ILogger<Notifier> logger)
{
    public async Task NotifyAsync(NotifyMessage message, CancellationToken cancellationToken)
    {
        var finding = await findings.GetAsync(message.Location, message.FindingId, cancellationToken);
        if (finding is null)
        {
            throw new InvalidOperationException($"Finding {message.FindingId} of location {message.Location} does not exist.");
        }
        if (finding.NotifiedAt is not null)
        {
            logger.LogInformation("Finding {FindingId} was already notified at {NotifiedAt}: nothing sent", finding.Id, finding.NotifiedAt);
            return;
        }

        var location = await registry.GetLocationAsync(finding.Location, cancellationToken);
        var recipients = await RecipientsAsync(finding, location, cancellationToken);
        if (recipients.Count == 0)
        {
            throw new InvalidOperationException($"Nobody to notify of finding {finding.Id}: the registry has no coordinator. Import the accounts file.");
        }
        await sender.SendAsync(composer.Compose(finding, location, recipients), cancellationToken);
        await findings.UpdateAsync(finding.Location, finding.Id, f => f with { NotifiedAt = time.GetUtcNow() }, cancellationToken);
        logger.LogInformation("Sent finding {FindingId} to {Count} recipients", finding.Id, recipients.Count);
    }

    private async Task<IReadOnlyList<Person>> RecipientsAsync(Finding finding, Location? location, CancellationToken cancellationToken)
    {
        if (finding.Family is not ("capture" or "governance") && location is { Managers.Count: > 0 })
        {
            return location.Managers;
        }
        return await registry.GetCoordinatorAsync(cancellationToken) is { } coordinator ? [coordinator] : [];
    }
}
