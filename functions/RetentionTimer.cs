using Microsoft.Azure.Functions.Worker;
using SocialMonitor.Core.Records;

namespace SocialMonitor.Functions;

/// <summary>
/// Hourly at :30 (UTC); in the hour <c>Retention__Hour</c> of the policy's time zone (default 03) it removes the
/// records past their period in <c>policy.json</c> <c>retention</c> (none set: nothing). A run that fails is not
/// retried within the day; the next day's run removes what it left, as a record is removed blobs first, rows last.
/// </summary>
public sealed class RetentionTimer(RetentionJob job)
{
    public const string Schedule = "0 30 * * * *";

    [Function(nameof(RetentionTimer))]
    public Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        job.RunIfDueAsync(cancellationToken);
}
