namespace SocialMonitor.Core.Approvals;

/// <summary>
/// The approvals of every kind as the evaluator reads them: from <see cref="ApprovalStore"/> at most once per <see cref="Lifetime"/>,
/// so that evaluating a burst of items costs one table query. A change made elsewhere (the API, the CLI) is seen within
/// <see cref="Lifetime"/>; one made through <see cref="ApprovalService"/> in this process at once.
/// </summary>
public sealed class ApprovalCache(ApprovalStore store, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly Lock _lock = new();
    private Task<IReadOnlyList<Approval>>? _approvals;
    private DateTimeOffset _readAt;

    /// <summary>
    /// The approvals read at most <see cref="Lifetime"/> ago, and not before <paramref name="changedAt"/> (an approval
    /// recorded then, maybe by another instance, is why the item is judged again); a failed or cancelled read is not kept.
    /// </summary>
    public Task<IReadOnlyList<Approval>> GetAsync(CancellationToken cancellationToken, DateTimeOffset? changedAt = null)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (_approvals is null || _approvals.IsFaulted || _approvals.IsCanceled || now - _readAt >= Lifetime || _readAt < changedAt)
            {
                _approvals = store.ListAsync(null, cancellationToken);
                _readAt = now;
            }
            return _approvals;
        }
    }

    /// <summary>Forgets what was read, so the next evaluation reads the approvals again.</summary>
    public void Invalidate()
    {
        lock (_lock)
        {
            _approvals = null;
        }
    }
}
