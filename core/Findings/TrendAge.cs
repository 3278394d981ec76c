namespace SocialMonitor.Core.Findings;

/// <summary>The findings open now (open, acknowledged or escalated) first seen between <see cref="MinDays"/> and <see cref="MaxDays"/> library days ago.</summary>
public sealed record TrendAge(string Bucket, int MinDays, int? MaxDays, int Count);
