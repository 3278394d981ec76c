using Azure.Data.Tables;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Findings;

/// <summary>The one pair of mappings between a <see cref="Finding"/> and its table rows.</summary>
internal static class FindingRows
{
    /// <summary>Newest first: inverted ticks of the first detection, then the id.</summary>
    public static string TimeKey(Finding finding) => $"{TimeKeys.Inverted(finding.FirstSeen)}_{finding.Id}";

    public static TableEntity ToEntity(Finding finding, string rowKey) => new(finding.Location, rowKey)
    {
        ["Id"] = finding.Id,
        ["Rule"] = finding.Rule,
        ["Family"] = finding.Family,
        ["Severity"] = finding.Severity,
        ["Status"] = finding.Status,
        ["Account"] = finding.Account,
        ["Platform"] = finding.Platform,
        ["ItemId"] = finding.ItemId,
        ["ItemVersion"] = finding.ItemVersion,
        ["Permalink"] = finding.Permalink,
        ["Clause"] = finding.Clause,
        ["Evidence"] = finding.Evidence,
        ["Explanation"] = finding.Explanation,
        ["Quote"] = finding.Quote,
        ["Source"] = finding.Source,
        ["FirstSeen"] = finding.FirstSeen,
        ["LastSeen"] = finding.LastSeen,
        ["NotifyQueuedAt"] = finding.NotifyQueuedAt,
        ["NotifiedAt"] = finding.NotifiedAt,
        ["AcknowledgedAt"] = finding.AcknowledgedAt,
        ["Resolution"] = finding.Resolution,
        ["DismissReason"] = finding.DismissReason,
        ["DuplicateOf"] = finding.DuplicateOf,
        ["StatusChangedBy"] = finding.StatusChangedBy,
        ["StatusChangedAt"] = finding.StatusChangedAt,
        ["ResolvedItemVersion"] = finding.ResolvedItemVersion,
        ["ReopenedAt"] = finding.ReopenedAt,
        ["ReopenCount"] = finding.ReopenCount,
    };

    public static Finding FromEntity(TableEntity entity) => new()
    {
        Id = entity.GetString("Id"),
        Rule = entity.GetString("Rule"),
        Severity = entity.GetString("Severity"),
        Status = entity.GetString("Status"),
        Location = entity.PartitionKey,
        Account = entity.GetString("Account"),
        Platform = entity.GetString("Platform"),
        ItemId = entity.GetString("ItemId"),
        ItemVersion = entity.GetString("ItemVersion"),
        Permalink = entity.GetString("Permalink"),
        Clause = entity.GetString("Clause"),
        Evidence = entity.GetString("Evidence"),
        Explanation = entity.GetString("Explanation"),
        Quote = entity.GetString("Quote"),
        Source = entity.GetString("Source"),
        FirstSeen = entity.GetDateTimeOffset("FirstSeen") ?? default,
        LastSeen = entity.GetDateTimeOffset("LastSeen") ?? default,
        NotifyQueuedAt = entity.GetDateTimeOffset("NotifyQueuedAt"),
        NotifiedAt = entity.GetDateTimeOffset("NotifiedAt"),
        AcknowledgedAt = entity.GetDateTimeOffset("AcknowledgedAt"),
        Resolution = entity.GetString("Resolution"),
        DismissReason = entity.GetString("DismissReason"),
        DuplicateOf = entity.GetString("DuplicateOf"),
        StatusChangedBy = entity.GetString("StatusChangedBy"),
        StatusChangedAt = entity.GetDateTimeOffset("StatusChangedAt"),
        ResolvedItemVersion = entity.GetString("ResolvedItemVersion"),
        ReopenedAt = entity.GetDateTimeOffset("ReopenedAt"),
        ReopenCount = entity.GetInt32("ReopenCount") ?? 0,
    };
}
