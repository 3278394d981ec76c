namespace SocialMonitor.Core.Approvals;

/// <summary>
/// The coordinator's approval of a link destination (DESIGN.md, "Approvals of link destinations"): what it matches
/// (<see cref="LinkMatches"/>: a registrable domain, a URL prefix or one exact URL), where it applies (<c>all</c>, a
/// location id or an account id), who approved it and when, an optional expiry, and a note (the presenter or program).
/// An expired or revoked approval no longer allows.
/// </summary>
public sealed record LinkApproval
{
    public required string Id { get; init; }
    public required string Match { get; init; }
    public required string Value { get; init; }
    public string Scope { get; init; } = LinkApprovalScopes.All;
    public required string Approver { get; init; }
    public required DateOnly Date { get; init; }
    public DateOnly? Expires { get; init; }
    public string? Note { get; init; }
    public DateTimeOffset? RevokedAt { get; init; }
    public string? RevokedBy { get; init; }

    /// <summary>In force on <paramref name="today"/> (the district's local date): not revoked and not past its expiry.</summary>
    public bool InForce(DateOnly today) => RevokedAt is null && (Expires is null || today <= Expires);
}
