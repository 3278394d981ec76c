using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Notifications;

/// <summary>
/// The immediate bundler's rows in <c>Outbox</c>: a person's open bundle (PartitionKey <c>open</c>, RowKey the person,
/// only <see cref="EmailId"/>) and a finding's membership (PartitionKey <c>for-{person}</c>, RowKey the occurrence, with
/// <see cref="Location"/> and <see cref="FindingId"/>; rows written before reopenings were routed again have no FindingId).
/// </summary>
internal sealed class BundleRow : TableRow
{
    public string? EmailId { get; set; }
    public string? Location { get; set; }
    public string? FindingId { get; set; }
}
