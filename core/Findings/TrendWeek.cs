namespace SocialMonitor.Core.Findings;

/// <summary>One ISO week of the trends: its name (<c>2026-W49</c>) and its Monday, a date in the library's time zone.</summary>
public sealed record TrendWeek(string Week, DateOnly Start);
