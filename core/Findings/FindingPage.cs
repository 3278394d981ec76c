namespace SocialMonitor.Core.Findings;

public sealed record FindingPage(IReadOnlyList<Finding> Items, string? ContinuationToken);
