using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NCrontab;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Hosting;
using SocialMonitor.Core.Queues;

namespace SocialMonitor.Core.Scanning;

/// <summary>
/// The scan timer's work: one <c>scan-account</c> message per registered account, and the watch on the watcher: an
/// account whose scans have not run to an end for three <c>ScanSchedule</c> intervals (three scheduled scans came and
/// went) raises <c>capture.not-scanned</c>, which its next scan resolves. Run twice, the scans are merely repeated (they
/// are idempotent) and the finding merges into the same one.
/// </summary>
public sealed class ScanScheduler(
    AccountRegistry registry,
    QueueSender queue,
    CursorStore cursors,
    CaptureConditions conditions,
    IOptions<ScheduleOptions> schedule,
    TimeProvider time,
    ILogger<ScanScheduler> logger)
{
    public const int MissedIntervals = 3;

    public async Task<int> QueueAllAsync(CancellationToken cancellationToken)
    {
        var accounts = await registry.ListAccountsAsync(cancellationToken);
        var now = time.GetUtcNow();
        foreach (var account in accounts)
        {
            var state = await cursors.GetStateAsync(account.Id, cancellationToken);
            if (state.QueuedSince is null)
            {
                await cursors.SetStateAsync(account.Id, state with { QueuedSince = now }, cancellationToken);
            }
            // Never scanned: the scan queued first is one of the missed ones, so count from just before it.
            else if (Missed(state.LastScannedAt ?? state.QueuedSince.Value.AddSeconds(-1), now) >= MissedIntervals)
            {
                var last = state.LastScannedAt is { } at ? string.Create(CultureInfo.InvariantCulture, $"last scanned {at:u}") : "never scanned";
                await conditions.RaiseAsync(account, CaptureCondition.NotScanned,
                    $"{account.Id}: {last}; {MissedIntervals} or more scheduled scans (ScanSchedule {schedule.Value.ScanSchedule}) did not run to an end",
                    $"The monitor has not read {account.Id} for a while, so nothing posted there is being checked. Look for capture.dead-message "
                    + "findings and the Functions app's health; the next scan that runs resolves this.", cancellationToken);
            }
            await queue.SendAsync(QueueNames.ScanAccount, new ScanAccountMessage(account.Id), cancellationToken);
        }
        logger.LogInformation("Queued a scan of {Count} accounts", accounts.Count);
        return accounts.Count;
    }

    /// <summary>How many scheduled scans fell strictly between <paramref name="since"/> and now (the one firing now excluded; counting stops at the threshold).</summary>
    private int Missed(DateTimeOffset since, DateTimeOffset now)
    {
        var cron = CrontabSchedule.Parse(schedule.Value.ScanSchedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        return cron.GetNextOccurrences(since.UtcDateTime, now.UtcDateTime).Take(MissedIntervals).Count();
    }
}
