namespace SocialMonitor.Core.Findings;

/// <summary>Of one rule's findings first seen in the dismissal window, how many there are and how many are dismissed now; <see cref="Share"/> is their ratio (0 to 1).</summary>
public sealed record TrendRuleShare(string Rule, int Raised, int Dismissed, double Share);
