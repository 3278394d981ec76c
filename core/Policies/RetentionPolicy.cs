namespace SocialMonitor.Core.Policies;

/// <summary>
/// How long each record series is kept (<c>policy.json</c> <c>retention</c>), in days; a series without a period is kept
/// forever, and the shipped policy sets none, so nothing is ever removed until the district's records schedule says so.
/// The age each series is measured by is in docs/architecture.md ("Records: retention and legal holds").
/// </summary>
public sealed record RetentionPolicy
{
    /// <summary>Items with their versions and events (ItemIndex, ItemHistory, the version and classifier blobs), by the item's last recorded change.</summary>
    public int? Items { get; init; }

    /// <summary>Raw platform answers (<c>pages/</c> and the daily <c>log/</c> in the archive), by when the answer was first archived and last seen.</summary>
    public int? RawAnswers { get; init; }

    /// <summary>Emails (the outbox row and its archived .eml), by when sent, or when it finally failed; never a pending one.</summary>
    public int? Emails { get; init; }

    /// <summary>Resolved and dismissed findings (with their index rows), by their last change; never an open, acknowledged or escalated one.</summary>
    public int? Findings { get; init; }

    /// <summary>Audit entries (both tables), by when they were written.</summary>
    public int? Audit { get; init; }

    /// <summary>True when any series has a period.</summary>
    public bool Any => Items is not null || RawAnswers is not null || Emails is not null || Findings is not null || Audit is not null;
}
