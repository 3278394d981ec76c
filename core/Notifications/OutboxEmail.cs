using Azure;

namespace SocialMonitor.Core.Notifications;

/// <summary>One row of the outbox: an email, its recipient, the findings it is about and where it stands.</summary>
public sealed record OutboxEmail
{
    public required string Id { get; init; }
    public required string Kind { get; init; }
    public required string To { get; init; }
    public required string ToName { get; init; }
    public required IReadOnlyList<string> FindingIds { get; init; }
    public required IReadOnlyList<string> Locations { get; init; }
    public required IReadOnlyList<string> Rules { get; init; }
    public required string Subject { get; init; }
    public required string Archive { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public string State { get; init; } = OutboxStates.Pending;
    public int Attempts { get; init; }
    public DateTimeOffset? NextAttemptAt { get; init; }
    public DateTimeOffset? SendingSince { get; init; }
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>Sent again after a send that may have gone out was cut off before it was recorded.</summary>
    public bool PossibleDuplicate { get; init; }

    public string? LastError { get; init; }
    public ETag ETag { get; init; }
}
