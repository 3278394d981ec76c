using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Approvals;

/// <summary>A row of <c>Approvals</c> (PartitionKey the kind's partition, RowKey the id): the approval as JSON in <see cref="Approval"/>.</summary>
internal sealed class ApprovalRow : TableRow
{
    public string? Approval { get; set; }
}
