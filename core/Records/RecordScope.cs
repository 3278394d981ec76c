namespace SocialMonitor.Core.Records;

/// <summary>
/// What a record (or an export) covers, as a hold is matched against it: its location and account (null: unknown or
/// any) and the times it spans (null: open on that side; <see cref="From"/> inclusive, <see cref="To"/> inclusive).
/// </summary>
public sealed record RecordScope(string? Location, string? Account, DateTimeOffset? From, DateTimeOffset? To);
