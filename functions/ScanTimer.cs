using Microsoft.Azure.Functions.Worker;
using SocialMonitor.Core.Scanning;

namespace SocialMonitor.Functions;

/// <summary>Every <c>%ScanSchedule%</c> (UTC): one <c>scan-account</c> message per registered account.</summary>
public sealed class ScanTimer(ScanScheduler scheduler)
{
    [Function(nameof(ScanTimer))]
    public Task Run([TimerTrigger("%ScanSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        scheduler.QueueAllAsync(cancellationToken);
}
