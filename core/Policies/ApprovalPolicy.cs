namespace SocialMonitor.Core.Policies;

/// <summary>
/// The approvals' defaults and the table of platform roles (<c>policy.json</c> <c>approvals</c>): how long an access
/// approval stands before its review, when an attestation falls due again, and which platform role is
/// administrator-, editor- or analyst-level (by platform, then the platform's role name, as the platform spells it).
/// </summary>
public sealed record ApprovalPolicy
{
    public int AccessReviewDays { get; init; } = 180;
    public int AttestationDueDays { get; init; } = 90;
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> RoleLevels { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>The level of <paramref name="role"/> on <paramref name="platform"/> (case-insensitive), or null when the table does not know it.</summary>
    public string? LevelOf(string platform, string role) =>
        RoleLevels.FirstOrDefault(p => string.Equals(p.Key, platform, StringComparison.OrdinalIgnoreCase)).Value is { } roles
            ? roles.FirstOrDefault(r => string.Equals(r.Key, role, StringComparison.OrdinalIgnoreCase)).Value
            : null;

    /// <summary>The role names the table knows for <paramref name="platform"/>; empty when it has none (the platform shows no roles).</summary>
    public IReadOnlyList<string> RolesOf(string platform) =>
        [.. RoleLevels.Where(p => string.Equals(p.Key, platform, StringComparison.OrdinalIgnoreCase)).SelectMany(p => p.Value.Keys)];
}
