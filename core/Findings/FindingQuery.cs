namespace SocialMonitor.Core.Findings;

/// <summary>A list of findings: the locations to read (already narrowed to what the caller may see) and a status.</summary>
public sealed record FindingQuery(IReadOnlyList<string> Locations, string? Status);
