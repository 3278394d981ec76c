namespace SocialMonitor.Core.Records;

/// <summary>
/// A legal hold: what it keeps (a location, an account and a date range, each optional but at least one), why, who
/// placed it and when, and its lifting (who, when, why). While it is not lifted, nothing in its scope is removed by
/// retention, whatever the period. The dates are the district's local days, both inclusive.
/// </summary>
public sealed record LegalHold
{
    public required string Id { get; init; }
    public string? Location { get; init; }
    public string? Account { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public required string Reason { get; init; }
    public required string PlacedBy { get; init; }
    public required DateTimeOffset PlacedAt { get; init; }
    public string? LiftedBy { get; init; }
    public DateTimeOffset? LiftedAt { get; init; }
    public string? LiftReason { get; init; }

    public bool Active => LiftedAt is null;

    /// <summary>
    /// True when the hold's scope meets <paramref name="scope"/>: the same location and account where both name one
    /// (a record whose location or account is unknown is taken to be inside, so a doubt keeps it), and overlapping
    /// times. Says nothing of whether the hold is active.
    /// </summary>
    public bool Meets(RecordScope scope, TimeZoneInfo zone)
    {
        if (Location is not null && scope.Location is not null && !string.Equals(Location, scope.Location, StringComparison.Ordinal))
        {
            return false;
        }
        if (Account is not null && scope.Account is not null && !string.Equals(Account, scope.Account, StringComparison.Ordinal))
        {
            return false;
        }
        var (start, end) = Instants(zone);
        return (scope.To is not { } to || start is not { } s || to >= s) && (scope.From is not { } from || end is not { } e || from < e);
    }

    /// <summary>The hold's days as instants: the start of <see cref="From"/> and the start of the day after <see cref="To"/> (exclusive).</summary>
    public (DateTimeOffset? Start, DateTimeOffset? End) Instants(TimeZoneInfo zone) =>
        (From is { } from ? StartOf(from, zone) : null, To is { } to ? StartOf(to.AddDays(1), zone) : null);

    private static DateTimeOffset StartOf(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
