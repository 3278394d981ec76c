using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Notifications;

/// <summary>A row of <c>DigestItems</c> (PartitionKey the person's email, RowKey the finding id): the finding's location, when it was queued, and the person as JSON.</summary>
internal sealed class DigestItemRow : TableRow
{
    public string? Location { get; set; }
    public DateTimeOffset? QueuedAt { get; set; }
    public string? Person { get; set; }
}
