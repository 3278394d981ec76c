using Microsoft.Extensions.Logging;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Rules;

namespace SocialMonitor.Core.Scanning;

/// <summary>
/// The moderation watch: a guest item that was hidden while nothing records a reason raises
/// <c>governance.moderation</c> for the coordinator (the account's location; governance findings go to the coordinator).
/// A reason is a conduct or privacy finding on the item that is not dismissed: one already stored, or one the rules find
/// in the item as it is now (its evaluation is queued and will open it). Flag, never act: nothing is unhidden.
/// Deletions raise nothing, because a platform does not say who deleted.
/// </summary>
public sealed class ModerationWatch(RuleSet rules, Policy policy, FindingStore findings, FindingRecorder recorder, TimeProvider time,
    ILogger<ModerationWatch> logger)
{
    public const string Rule = "governance.moderation";
    public const string Clause =
        "Staff use: staff hide a guest comment only for a reason the Rules of Conduct or the privacy rules give, and record it.";

    private static readonly string[] s_reasonFamilies = ["conduct", "pii"];

    /// <summary>Checks an item seen hidden; returns the finding raised, or null when a reason is recorded.</summary>
    public async Task<Finding?> HiddenAsync(Account account, Item item, CancellationToken cancellationToken)
    {
        if (item.Origin != ItemOrigins.Guest)
        {
            return null;
        }
        var now = time.GetUtcNow();
        foreach (var detection in rules.Evaluate(item, new RuleContext(now, policy)).Where(d => s_reasonFamilies.Contains(d.Family)))
        {
            var stored = await findings.GetAsync(account.Location, FindingIds.For(item.Platform, item.Id, detection.Rule, detection.EvidenceKey), cancellationToken);
            if (stored is null || stored.Status != FindingStatuses.Dismissed)
            {
                return null;
            }
        }

        var what = item.Kind is ItemKinds.Post ? "visitor post" : $"guest {item.Kind}";
        var finding = await recorder.RecordAsync(new Finding
        {
            Id = FindingIds.For(item.Platform, item.Id, Rule, "hidden"),
            Rule = Rule,
            Severity = policy.SeverityOf(Rule, Severities.Medium),
            Location = account.Location,
            Account = account.Id,
            Platform = item.Platform,
            ItemId = item.Id,
            ItemVersion = ItemJson.ContentHash(item)[..16],
            Permalink = item.Permalink,
            Clause = Clause,
            Evidence = $"{what} by {item.Author?.Name ?? "an unnamed guest"} hidden; no conduct or privacy finding records a reason",
            Explanation = $"A {what} was hidden on {account.Id} without a recorded reason. Hiding a comment for its viewpoint risks the "
                + "First Amendment: record the Rules of Conduct or privacy reason, or unhide it. The monitor changes nothing on the platform.",
            FirstSeen = now,
            LastSeen = now,
        }, cancellationToken);
        logger.LogWarning("{Rule}: {Platform} item {ItemId} of {Account} was hidden without a recorded reason", Rule, item.Platform, item.Id, account.Id);
        return finding;
    }
}
