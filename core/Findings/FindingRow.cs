using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Findings;

/// <summary>
/// A row of <c>Findings</c> (PartitionKey location, RowKey id) and of <c>FindingsByTime</c> (the same columns, RowKey
/// <see cref="TimeKey"/>); only the main row has <see cref="LastChange"/>, the JSON of the audit entry of its last change.
/// </summary>
internal sealed class FindingRow : TableRow
{
    public string? Id { get; set; }
    public string? Rule { get; set; }
    public string? Family { get; set; }
    public string? Severity { get; set; }
    public string? Status { get; set; }
    public string? Account { get; set; }
    public string? Platform { get; set; }
    public string? ItemId { get; set; }
    public string? ItemVersion { get; set; }
    public string? Permalink { get; set; }
    public string? Clause { get; set; }
    public string? Evidence { get; set; }
    public string? Explanation { get; set; }
    public string? Quote { get; set; }
    public string? Source { get; set; }
    public DateTimeOffset? FirstSeen { get; set; }
    public DateTimeOffset? LastSeen { get; set; }
    public DateTimeOffset? NotifyQueuedAt { get; set; }
    public DateTimeOffset? NotifiedAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? Resolution { get; set; }
    public string? DismissReason { get; set; }
    public string? DuplicateOf { get; set; }
    public string? StatusChangedBy { get; set; }
    public DateTimeOffset? StatusChangedAt { get; set; }
    public string? ResolvedItemVersion { get; set; }
    public DateTimeOffset? ReopenedAt { get; set; }
    public int? ReopenCount { get; set; }
    public string? LastChange { get; set; }

    /// <summary>Newest first: inverted ticks of the first detection, then the id.</summary>
    public static string TimeKey(Finding finding) => $"{TimeKeys.Inverted(finding.FirstSeen)}_{finding.Id}";

    public static FindingRow From(Finding finding, string rowKey, string? lastChange = null) => new()
    {
        PartitionKey = finding.Location,
        RowKey = rowKey,
        Id = finding.Id,
        Rule = finding.Rule,
        Family = finding.Family,
        Severity = finding.Severity,
        Status = finding.Status,
        Account = finding.Account,
        Platform = finding.Platform,
        ItemId = finding.ItemId,
        ItemVersion = finding.ItemVersion,
        Permalink = finding.Permalink,
        Clause = finding.Clause,
        Evidence = finding.Evidence,
        Explanation = finding.Explanation,
        Quote = finding.Quote,
        Source = finding.Source,
        FirstSeen = finding.FirstSeen,
        LastSeen = finding.LastSeen,
        NotifyQueuedAt = finding.NotifyQueuedAt,
        NotifiedAt = finding.NotifiedAt,
        AcknowledgedAt = finding.AcknowledgedAt,
        Resolution = finding.Resolution,
        DismissReason = finding.DismissReason,
        DuplicateOf = finding.DuplicateOf,
        StatusChangedBy = finding.StatusChangedBy,
        StatusChangedAt = finding.StatusChangedAt,
        ResolvedItemVersion = finding.ResolvedItemVersion,
        ReopenedAt = finding.ReopenedAt,
        ReopenCount = finding.ReopenCount,
        LastChange = lastChange,
    };

    public Finding ToFinding() => new()
    {
        Id = Id!,
        Rule = Rule!,
        Severity = Severity!,
        Status = Status!,
        Location = PartitionKey,
        Account = Account,
        Platform = Platform!,
        ItemId = ItemId!,
        ItemVersion = ItemVersion,
        Permalink = Permalink,
        Clause = Clause!,
        Evidence = Evidence!,
        Explanation = Explanation!,
        Quote = Quote,
        Source = Source,
        FirstSeen = FirstSeen ?? default,
        LastSeen = LastSeen ?? default,
        NotifyQueuedAt = NotifyQueuedAt,
        NotifiedAt = NotifiedAt,
        AcknowledgedAt = AcknowledgedAt,
        Resolution = Resolution,
        DismissReason = DismissReason,
        DuplicateOf = DuplicateOf,
        StatusChangedBy = StatusChangedBy,
        StatusChangedAt = StatusChangedAt,
        ResolvedItemVersion = ResolvedItemVersion,
        ReopenedAt = ReopenedAt,
        ReopenCount = ReopenCount ?? 0,
    };
}
