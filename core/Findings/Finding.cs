namespace SocialMonitor.Core.Findings;

/// <summary>
/// One rule firing on one item for one piece of evidence. The id is stable (<see cref="FindingIds"/>), so seeing the
/// same evidence again merges into the same finding.
/// </summary>
public sealed record Finding
{
    public required string Id { get; init; }
    public required string Rule { get; init; }
    public string Family => Rule.Split('.')[0];
    public required string Severity { get; init; }
    public string Status { get; init; } = FindingStatuses.Open;
    public required string Location { get; init; }
    public string? Account { get; init; }
    public required string Platform { get; init; }
    public required string ItemId { get; init; }
    public string? ItemVersion { get; init; }
    public string? Permalink { get; init; }
    public required string Clause { get; init; }
    public required string Evidence { get; init; }
    public required string Explanation { get; init; }
    public required DateTimeOffset FirstSeen { get; init; }
    public required DateTimeOffset LastSeen { get; init; }

    /// <summary>Set once the notify message for this finding is queued; a retry that finds it unset queues it again.</summary>
    public DateTimeOffset? NotifyQueuedAt { get; init; }

    /// <summary>Set once the finding was routed: its emails queued in the outbox, its digest entries written.</summary>
    public DateTimeOffset? NotifiedAt { get; init; }
}
