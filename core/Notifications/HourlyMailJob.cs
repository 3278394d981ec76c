using Microsoft.Extensions.Logging;

namespace SocialMonitor.Core.Notifications;

/// <summary>
/// <c>DigestTimer</c> (<c>%DigestSchedule%</c>, hourly): the digests now due, the escalations past their SLA, and the
/// outbox's safety net: a pending row whose send message was lost, or a row left in sending past the timeout, gets a
/// send message again (the processor sends each row once, so an extra message costs nothing). Safe to run twice.
/// </summary>
public sealed class HourlyMailJob(DigestBacklog digests, Escalations escalations, Outbox outbox, TimeProvider time, ILogger<HourlyMailJob> logger)
{
    public async Task<HourlyMailSummary> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var digestCount = await digests.SendDueAsync(now, cancellationToken);
        var escalated = await escalations.CheckAsync(now, cancellationToken);
        var requeued = await outbox.QueueDueAsync(now, cancellationToken);
        logger.LogInformation("Hourly mail at {Now}: {Digests} digests, {Escalated} escalations, {Requeued} unsent emails queued again", now, digestCount, escalated, requeued);
        return new HourlyMailSummary(digestCount, escalated, requeued);
    }
}
