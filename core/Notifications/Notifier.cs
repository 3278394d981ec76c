using Microsoft.Extensions.Logging;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Queues;

namespace SocialMonitor.Core.Notifications;

/// <summary>
/// <c>notify</c>: routes a new finding. Each person who watches it gets it at once (in their immediate email, which
/// bundles what arrives within <c>Mail__BundleSeconds</c>: <see cref="ImmediateBundler"/>) or in their next digest, as
/// their preference for its severity says; an open critical or high finding is also watched
/// for escalation. Then the finding is marked notified, so a repeated message does nothing. A crash before the mark
/// repeats the routing, which writes the same rows again (fixed ids): never a second email.
/// </summary>
public sealed class Notifier(
    FindingStore findings,
    NotificationRouter router,
    ImmediateBundler bundler,
    DigestBacklog digests,
    Escalations escalations,
    TimeProvider time,
    ILogger<Notifier> logger)
{
    public async Task NotifyAsync(NotifyMessage message, CancellationToken cancellationToken)
    {
        var finding = await findings.GetAsync(message.Location, message.FindingId, cancellationToken)
            ?? throw new InvalidOperationException($"Finding {message.FindingId} of location {message.Location} does not exist.");
        if (finding.NotifiedAt is not null)
        {
            logger.LogInformation("Finding {FindingId} was already routed at {NotifiedAt}: nothing to do", finding.Id, finding.NotifiedAt);
            return;
        }

        var now = time.GetUtcNow();
        if (finding.Status == FindingStatuses.Open)
        {
            var routes = await router.RouteAsync(finding, cancellationToken);
            var names = await router.LocationNamesAsync(cancellationToken);
            var coordinator = await router.FindCoordinatorAsync(cancellationToken);
            foreach (var route in routes)
            {
                if (route.Delivery == NotifyPreferences.Immediate)
                {
                    await bundler.AddAsync(route.Person, finding, names, coordinator, cancellationToken);
                }
                else
                {
                    await digests.AddAsync(route.Person, finding, now, cancellationToken);
                }
            }
            if (Escalations.NeedsWatch(finding))
            {
                await escalations.WatchAsync(finding, cancellationToken);
            }
            logger.LogInformation("Routed {Severity} finding {FindingId}: {Immediate} at once, {Digest} to digests",
                finding.Severity, finding.Id, routes.Count(r => r.Delivery == NotifyPreferences.Immediate), routes.Count(r => r.Delivery == NotifyPreferences.Digest));
        }
        await findings.UpdateAsync(finding.Location, finding.Id, f => f with { NotifiedAt = now }, cancellationToken);
    }
}
