using SocialMonitor.Core.Rules;

namespace SocialMonitor.Core.Findings;

/// <summary>
/// One rule firing on one item for one piece of evidence. The id is stable (<see cref="FindingIds"/>), so seeing the
/// same evidence again merges into the same finding.
/// </summary>
public sealed record Finding
{
    /// <summary>
    /// The one way to make a finding: a detection about an item (or an account, a location, a queue message) of a
    /// platform, seen now. Its id is <see cref="FindingIds.For"/> of (platform, item id, rule, evidence key), so the same
    /// evidence seen again is the same finding; the status starts open.
    /// </summary>
    public static Finding Create(Detection detection, string platform, string itemId, string location, string? account, DateTimeOffset seen,
        string? itemVersion = null, string? permalink = null) => new()
    {
        Id = FindingIds.For(platform, itemId, detection.Rule, detection.EvidenceKey),
        Rule = detection.Rule,
        Severity = detection.Severity,
        Location = location,
        Account = account,
        Platform = platform,
        ItemId = itemId,
        ItemVersion = itemVersion,
        Permalink = permalink,
        Clause = detection.Clause,
        Evidence = detection.Evidence,
        Explanation = detection.Explanation,
        FirstSeen = seen,
        LastSeen = seen,
    };

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

    /// <summary>The words around the evidence in the item's text, the evidence marked <c>»…«</c>, personal data masked; null when the evidence is not in the text.</summary>
    public string? Quote { get; init; }

    /// <summary>What the item is, in words: its origin and kind (<c>guest comment</c>, <c>official post</c>); null for a finding about the monitor or an account.</summary>
    public string? Source { get; init; }
    public required DateTimeOffset FirstSeen { get; init; }
    public required DateTimeOffset LastSeen { get; init; }

    /// <summary>Set once the notify message for this finding is queued; a retry that finds it unset queues it again.</summary>
    public DateTimeOffset? NotifyQueuedAt { get; init; }

    /// <summary>Set once the finding was routed: its emails queued in the outbox, its digest entries written.</summary>
    public DateTimeOffset? NotifiedAt { get; init; }

    /// <summary>When a person first took the finding up (acknowledged it, or went straight to another status).</summary>
    public DateTimeOffset? AcknowledgedAt { get; init; }

    /// <summary>The action taken, while the status is resolved ("comment hidden by the Hayden manager").</summary>
    public string? Resolution { get; init; }

    /// <summary>Why it was dismissed, while the status is dismissed: one of <see cref="DismissReasons"/>.</summary>
    public string? DismissReason { get; init; }

    /// <summary>The finding this one duplicates, when dismissed as a duplicate.</summary>
    public string? DuplicateOf { get; init; }

    /// <summary>Who made the last status change (a person's name or <c>system</c>), and when.</summary>
    public string? StatusChangedBy { get; init; }

    public DateTimeOffset? StatusChangedAt { get; init; }

    /// <summary>The item version the finding was resolved at: the problem seen on another version is back (a reopen).</summary>
    public string? ResolvedItemVersion { get; init; }

    /// <summary>When the finding was last reopened, and how often: its history (<c>GET /api/findings/{id}</c>) says why.</summary>
    public DateTimeOffset? ReopenedAt { get; init; }

    public int ReopenCount { get; init; }
}
