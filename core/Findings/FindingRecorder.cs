using SocialMonitor.Core.Queues;

namespace SocialMonitor.Core.Findings;

/// <summary>
/// Records a detected finding through <see cref="FindingLifecycle.RecordAsync"/> (which creates or merges it in the
/// store, reopening a resolved one whose problem came back), and queues its <c>notify</c> message until the finding says
/// it was queued. The mark is set only after the send, so a crash in between queues it again on the retry, and the
/// notifier, which sends once per finding, absorbs the repeat. A finding the system reopens has neither mark, so it is
/// routed again, once per reopening.
/// </summary>
public sealed class FindingRecorder(FindingStore findings, FindingLifecycle lifecycle, QueueSender queue, TimeProvider time)
{
    /// <param name="notify">False only for a finding about mail itself failing, which must not queue mail that fails again.</param>
    public async Task<Finding> RecordAsync(Finding candidate, CancellationToken cancellationToken, bool notify = true)
    {
        var finding = (await lifecycle.RecordAsync(candidate, cancellationToken)).Finding;
        return notify ? await QueueNotifyAsync(finding, cancellationToken) : finding;
    }

    /// <summary>Queues the finding's <c>notify</c> message unless it says it was queued (a new or reopened finding is not).</summary>
    public async Task<Finding> QueueNotifyAsync(Finding finding, CancellationToken cancellationToken)
    {
        if (finding.NotifyQueuedAt is not null)
        {
            return finding;
        }
        await queue.SendAsync(QueueNames.Notify, new NotifyMessage(finding.Location, finding.Id), cancellationToken);
        var now = time.GetUtcNow();
        return await findings.UpdateAsync(finding.Location, finding.Id, f => f with { NotifyQueuedAt = now }, cancellationToken) ?? finding;
    }
}
