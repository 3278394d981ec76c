using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Notifications;

/// <summary>
/// An email's row in <c>Outbox</c> (PartitionKey <c>email</c>, RowKey the escaped id); the finding ids, locations and
/// rules are comma-joined strings. The bundler's rows in the same table are <see cref="BundleRow"/>s.
/// </summary>
internal sealed class OutboxRow : TableRow
{
    public string? Id { get; set; }
    public string? Kind { get; set; }
    public string? To { get; set; }
    public string? ToName { get; set; }
    public string? FindingIds { get; set; }
    public string? Locations { get; set; }
    public string? Rules { get; set; }
    public string? Subject { get; set; }
    public string? Archive { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public string? State { get; set; }
    public int? Attempts { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? SendingSince { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public bool? PossibleDuplicate { get; set; }
    public string? LastError { get; set; }

    public static OutboxRow From(OutboxEmail email) => new()
    {
        PartitionKey = Outbox.Partition,
        RowKey = TableKeys.Escape(email.Id),
        Id = email.Id,
        Kind = email.Kind,
        To = email.To,
        ToName = email.ToName,
        FindingIds = string.Join(',', email.FindingIds),
        Locations = string.Join(',', email.Locations),
        Rules = string.Join(',', email.Rules),
        Subject = email.Subject,
        Archive = email.Archive,
        CreatedAt = email.CreatedAt,
        State = email.State,
        Attempts = email.Attempts,
        NextAttemptAt = email.NextAttemptAt,
        SendingSince = email.SendingSince,
        SentAt = email.SentAt,
        PossibleDuplicate = email.PossibleDuplicate,
        LastError = email.LastError,
    };

    public OutboxEmail ToEmail() => new()
    {
        Id = Id!,
        Kind = Kind!,
        To = To!,
        ToName = ToName!,
        FindingIds = Split(FindingIds),
        Locations = Split(Locations),
        Rules = Split(Rules),
        Subject = Subject!,
        Archive = Archive!,
        CreatedAt = CreatedAt ?? default,
        State = State!,
        Attempts = Attempts ?? 0,
        NextAttemptAt = NextAttemptAt,
        SendingSince = SendingSince,
        SentAt = SentAt,
        PossibleDuplicate = PossibleDuplicate ?? false,
        LastError = LastError,
        ETag = ETag,
    };

    private static string[] Split(string? value) => string.IsNullOrEmpty(value) ? [] : value.Split(',');
}
