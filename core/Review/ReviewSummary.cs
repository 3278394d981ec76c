namespace SocialMonitor.Core.Review;

/// <summary>What one run of the daily account review did: accounts and locations queued for evaluation, and those already reviewed today.</summary>
public sealed record ReviewSummary(DateOnly Day, int Accounts, int Locations, int AlreadyReviewed);
