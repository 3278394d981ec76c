namespace SocialMonitor.Core.Findings;

/// <summary>What the summary counts of one finding, read without the rest of its row.</summary>
public sealed record FindingFacts(string Location, string? Account, string Rule, string Severity, string Status, DateTimeOffset FirstSeen, DateTimeOffset? AcknowledgedAt)
{
    public string Family => Rule.Split('.')[0];
}
