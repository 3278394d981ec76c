using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Notifications;

/// <summary>A row of <c>EscalationWatch</c> (PartitionKey <c>watch</c>, RowKey the finding id): the finding's location.</summary>
internal sealed class EscalationWatchRow : TableRow
{
    public string? Location { get; set; }
}
