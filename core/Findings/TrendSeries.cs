namespace SocialMonitor.Core.Findings;

/// <summary>The findings first seen in each week of the trends (oldest first) for one location or family.</summary>
public sealed record TrendSeries(string Key, IReadOnlyList<int> Counts);
