using Azure.Data.Tables;

namespace SocialMonitor.Core.Findings;

/// <summary>The one pair of mappings between a <see cref="Finding"/> and its table rows.</summary>
internal static class FindingRows
{
    /// <summary>Newest first: inverted ticks of the first detection, then the id.</summary>
    public static string TimeKey(Finding finding) =>
        $"{DateTimeOffset.MaxValue.UtcTicks - finding.FirstSeen.UtcTicks:D19}_{finding.Id}";

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
        ["FirstSeen"] = finding.FirstSeen,
        ["LastSeen"] = finding.LastSeen,
        ["NotifyQueuedAt"] = finding.NotifyQueuedAt,
        ["NotifiedAt"] = finding.NotifiedAt,
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
        FirstSeen = entity.GetDateTimeOffset("FirstSeen") ?? default,
        LastSeen = entity.GetDateTimeOffset("LastSeen") ?? default,
        NotifyQueuedAt = entity.GetDateTimeOffset("NotifyQueuedAt"),
        NotifiedAt = entity.GetDateTimeOffset("NotifiedAt"),
    };
}
