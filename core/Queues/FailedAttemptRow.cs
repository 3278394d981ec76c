using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Queues;

/// <summary>A row of <c>FailedAttempts</c> (PartitionKey the queue, RowKey the body's hash): the attempts so far, the last one's time and error.</summary>
internal sealed class FailedAttemptRow : TableRow
{
    public int? Attempts { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public string? LastError { get; set; }
}
