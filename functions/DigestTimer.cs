using Microsoft.Azure.Functions.Worker;
using SocialMonitor.Core.Notifications;

namespace SocialMonitor.Functions;

/// <summary>Every <c>%DigestSchedule%</c> (hourly, UTC): digests due at each person's local hour, escalations past the SLA, unsent emails queued again.</summary>
public sealed class DigestTimer(HourlyMailJob job)
{
    [Function(nameof(DigestTimer))]
    public Task Run([TimerTrigger("%DigestSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        job.RunAsync(cancellationToken);
}
