using SocialMonitor.Core.Approvals;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Policies;

namespace SocialMonitor.Core.Rules.Governance;

/// <summary>
/// What an access approval covers, for the governance rules: a role on the account of a person the approval names (by
/// the platform's name or id for them, case-insensitive), in force (not revoked, not expired, not past its close
/// date), for a level at least as high as the highest the role holds (by the policy's table of roles).
/// </summary>
public static class AccessApprovals
{
    /// <summary>The access approvals of the account item's account, in every state.</summary>
    public static IEnumerable<Approval> Of(Item item, RuleContext context) =>
        context.Approvals.Where(a => a.Kind == ApprovalKinds.Access && string.Equals(a.Scope, item.Account, StringComparison.Ordinal));

    /// <summary>The approval names the person who holds <paramref name="role"/>.</summary>
    public static bool Names(Approval approval, HeldRole role) =>
        approval.Person is { } person
        && (string.Equals(person.Trim(), role.UserId, StringComparison.OrdinalIgnoreCase)
            || (role.Name.Length > 0 && string.Equals(person.Trim(), role.Name.Trim(), StringComparison.OrdinalIgnoreCase)));

    /// <summary>Ended on <paramref name="today"/>: revoked, expired, or past the day the access had to end.</summary>
    public static bool Ended(Approval approval, DateOnly today) => !approval.InForce(today) || approval.ClosesOn < today;

    /// <summary>The highest level among the role's tasks the policy's table knows (administrator over editor over analyst), or null.</summary>
    public static string? HeldLevel(Policy policy, string platform, HeldRole role) =>
        role.Tasks.Select(t => policy.Approvals.LevelOf(platform, t)).OfType<string>().OrderBy(Rank).FirstOrDefault();

    /// <summary>How a held role stands: covered, ended (the approval that ended, for the finding), or unapproved (and why).</summary>
    public static (AccessStanding Standing, Approval? Approval, string Why) Judge(Item item, HeldRole role, RuleContext context)
    {
        var today = context.Today;
        var named = Of(item, context).Where(a => Names(a, role)).ToList();
        var held = HeldLevel(context.Policy, item.Platform, role);
        var live = named.Where(a => !Ended(a, today)).ToList();
        if (live.Any(a => held is null || Rank(a.Level ?? context.Policy.Approvals.LevelOf(item.Platform, a.Role ?? "") ?? "") <= Rank(held)))
        {
            return (AccessStanding.Covered, null, "");
        }
        if (live.Count > 0)
        {
            var approved = live.OrderBy(a => Rank(a.Level ?? "")).First();
            return (AccessStanding.Unapproved, approved, $"holds {held}-level access ({string.Join(", ", role.Tasks)}); approved for {approved.Level ?? approved.Role} only ({approved.Id})");
        }
        if (named.OrderByDescending(a => a.RevokedAt?.UtcDateTime ?? DateTime.MinValue).ThenByDescending(a => a.ClosesOn ?? a.Expires).FirstOrDefault() is { } ended)
        {
            return (AccessStanding.Ended, ended, ended.RevokedAt is { } revoked
                ? $"its approval {ended.Id} was revoked on {context.Policy.LocalDate(revoked):yyyy-MM-dd}{(ended.RevokedReason is { } reason ? $" ({reason})" : "")}"
                : ended.ClosesOn < today ? $"its approval {ended.Id} closed on {ended.ClosesOn:yyyy-MM-dd}"
                : $"its approval {ended.Id} expired on {ended.Expires:yyyy-MM-dd}");
        }
        return (AccessStanding.Unapproved, null, "no access approval names them");
    }

    /// <summary>0 for administrator, 1 editor, 2 analyst, 3 for anything else.</summary>
    public static int Rank(string level) => ApprovalKinds.Levels.ToList().IndexOf(level) is var i and >= 0 ? i : ApprovalKinds.Levels.Count;
}
