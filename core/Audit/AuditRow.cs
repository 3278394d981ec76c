using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Audit;

/// <summary>A row of <c>Audit</c> (PartitionKey <c>audit</c>) and of <c>AuditBySubject</c> (PartitionKey the subject): RowKey the entry's id.</summary>
internal sealed class AuditRow : TableRow
{
    public DateTimeOffset? At { get; set; }
    public string? Actor { get; set; }
    public string? Subject { get; set; }
    public string? SubjectId { get; set; }
    public string? Location { get; set; }
    public string? Action { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
    public string? Why { get; set; }

    public static AuditRow From(AuditEntry entry, string partition) => new()
    {
        PartitionKey = partition,
        RowKey = entry.Id,
        At = entry.At,
        Actor = entry.Actor,
        Subject = entry.Subject,
        SubjectId = entry.SubjectId,
        Location = entry.Location,
        Action = entry.Action,
        Before = entry.Before,
        After = entry.After,
        Why = entry.Why,
    };

    public AuditEntry ToEntry() => new(RowKey, At ?? default, Actor!, Subject!, SubjectId!, Location, Action!, Before, After, Why!);
}
