using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Items;

namespace SocialMonitor.Core.Rules.Governance;

/// <summary>
/// <c>governance.moderation</c>: a guest item seen hidden (the evaluate message carries its <c>hidden</c> event) while
/// no conduct or privacy finding on it records a reason. A reason is such a finding that is not dismissed: the
/// evaluation records the item's findings first and passes them here. Flag, never act: nothing is unhidden. Deletions raise nothing, because a
/// platform does not say who deleted.
/// <para>
/// Not an <see cref="IRule"/>: it reads the event and the item's findings, not only the item, and its finding is not
/// resolved when a later version of the item is evaluated without the event (the hide happened; an edit does not undo it).
/// </para>
/// </summary>
public static class ModerationRule
{
    public const string Rule = "governance.moderation";

    /// <summary>The one evidence key of a moderation finding: one per item.</summary>
    public const string EvidenceKey = "hidden";
    public const string Clause =
        "Staff use: staff hide a guest comment only for a reason the Rules of Conduct or the privacy rules give, and record it.";

    private static readonly string[] s_reasonFamilies = ["conduct", "pii"];

    /// <param name="seenHidden">The scan saw the item become hidden (a <c>hidden</c> event in the evaluate message).</param>
    /// <param name="findings">The item's findings as the rules just recorded them.</param>
    public static Detection? Evaluate(Item item, bool seenHidden, IEnumerable<Finding> findings, RuleContext context)
    {
        if (!seenHidden || item.Origin != ItemOrigins.Guest
            || findings.Any(f => s_reasonFamilies.Contains(f.Family) && f.Status != FindingStatuses.Dismissed))
        {
            return null;
        }
        var what = item.Kind is ItemKinds.Post ? "visitor post" : $"guest {item.Kind}";
        return new Detection(Rule, context.Policy.SeverityOf(Rule, Severities.Medium), Clause,
            $"{what} by {item.Author?.Name ?? "an unnamed guest"} hidden; no conduct or privacy finding records a reason",
            EvidenceKey,
            $"A {what} was hidden on {item.Account ?? "its account"} without a recorded reason. Hiding a comment for its viewpoint risks the "
                + "First Amendment: record the Rules of Conduct or privacy reason, or unhide it. The monitor changes nothing on the platform.");
    }
}
