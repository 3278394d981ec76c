using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Approvals;
using SocialMonitor.Core.ContentSafety;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Notifications;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Rules;
using SocialMonitor.Core.Rules.Governance;
using SocialMonitor.Core.Rules.LinkDomain;
using SocialMonitor.Core.Rules.Pii;
using SocialMonitor.Core.Scanning;

namespace SocialMonitor.Core.Evaluation;

/// <summary>
/// <c>evaluate-item</c>: runs the rules over one item and merges each detection into its finding (stable id, detection
/// fields only), then the <see cref="ModerationRule"/> when the message carries a <c>hidden</c> event; the one place
/// rules run. <see cref="FindingRecorder"/> queues a new finding's <c>notify</c> message. Safe to run twice. Before
/// the rules run it gathers what they may not fetch themselves: the item's location, the link approvals (cached
/// briefly) and, when <c>Links__Resolve</c> is on, where the item's shortened links lead. On a retry they are gathered
/// again: a shortener that now answers differently gives a different finding id (the evidence key is the target). When
/// <c>ContentSafety__Endpoint</c> is set it also asks the classifier (<see cref="ItemClassifier"/>), whose answer the conduct
/// rule reads; without an answer the classifier's own findings on the item stand. A daily review item (kind
/// <c>account</c> or <c>location</c>, docs/architecture.md "The daily account review") goes through the same rules; its
/// findings the day's review no longer raises are resolved with the review's own reason.
/// </summary>
public sealed class ItemEvaluator(
    RuleSet rules,
    Policy policy,
    AccountRegistry registry,
    ApprovalCache approvals,
    LinkResolver resolver,
    ItemClassifier classifier,
    IOptions<LinkOptions> links,
    FindingRecorder recorder,
    FindingItems items,
    FindingLifecycle lifecycle,
    QueueSender queue,
    PersonalDataMasker masker,
    TimeProvider time,
    ILogger<ItemEvaluator> logger)
{
    public const string ReviewResolvedWhy = "no longer found by the daily account review";

    /// <summary>The rule families that run on a personal account's items.</summary>
    private static readonly string[] s_personalFamilies = [PiiRule.FamilyName];

    public async Task<IReadOnlyList<Finding>> EvaluateAsync(EvaluateItemMessage message, CancellationToken cancellationToken)
    {
        var item = message.Item
            ?? (message.ClaimCheck is { } blob ? await queue.ReadClaimCheckAsync(blob, cancellationToken)
                : throw new ArgumentException("An evaluate-item message must carry an item or a claim check.", nameof(message)));
        var account = item.Account is null ? null : await registry.GetAccountAsync(item.Account, cancellationToken);
        var now = time.GetUtcNow();
        var version = ItemJson.ContentHash(item)[..16];

        // A daily review item is the registry's and the record's facts, not words anyone wrote: the classifier is not asked.
        // A staff member's personal account is captured for the record: the PII rule alone runs on it (no classifier,
        // no conduct, link, branding or governance rule), so nothing but personal data it exposes is ever flagged.
        var review = ItemKinds.IsReview(item.Kind);
        var personal = account?.Personal == true;
        var classification = review || personal ? null : await classifier.ClassifyAsync(item, version, cancellationToken);
        var location = account?.Location ?? (item.Kind == ItemKinds.Location ? item.Id : Locations.District);
        var context = new RuleContext(now, policy)
        {
            Classification = classification,
            Location = account?.Location ?? (item.Kind == ItemKinds.Location ? item.Id : null),
            Approvals = await approvals.GetAsync(cancellationToken, message.ApprovalsChangedAt),
            ResolvedLinks = links.Value.Resolve ? await resolver.ResolveLinksAsync(item, policy, cancellationToken) : new Dictionary<string, ResolvedLink>(),
        };
        var detections = rules.Evaluate(item, context, personal ? s_personalFamilies : null);
        var result = new List<Finding>();
        foreach (var detection in detections)
        {
            if (result.Count == 0)
            {
                await items.SaveAsync(item, version, cancellationToken); // Before its findings, so the API can show them with it.
            }
            result.Add(await RecordAsync(item, detection, detections, location, version, now, cancellationToken));
        }
        // The moderation rule reads the findings just recorded: a conduct or privacy one not dismissed is the hide's reason.
        var seenHidden = (message.Events ?? []).Contains(ItemEvents.Hidden);
        if (!personal && ModerationRule.Evaluate(item, seenHidden, result, context) is { } moderation)
        {
            result.Add(await RecordAsync(item, moderation, detections, location, version, now, cancellationToken));
            logger.LogWarning("{Rule}: {Platform} item {ItemId} of {Account} was hidden without a recorded reason",
                ModerationRule.Rule, item.Platform, item.Id, item.Account);
        }
        // An edit that removed a problem resolves its finding; run again, it finds nothing more to change.
        // The same version no longer raising a link finding: a destination approval now allows it (ApprovalService queued it).
        // A hide is not undone by an edit: the moderation finding stays whatever later versions show.
        // A review item's findings that the day's review no longer raises are resolved: the approval or attestation was recorded, the role removed.
        IEnumerable<string> kept = classification is null && !review && !personal ? ItemClassifier.OwnFindingIds(item, policy) : [];
        await lifecycle.ResolveAbsentAsync(item.Platform, item.Id, version,
            [.. result.Select(f => f.Id), .. kept, FindingIds.For(item.Platform, item.Id, ModerationRule.Rule, ModerationRule.EvidenceKey)], cancellationToken,
            f => review ? ReviewResolvedWhy : f.Family == LinkApprovals.Family ? LinkApprovals.ApprovedWhy(item, f, context) : null,
            review ? ReviewResolvedWhy : FindingLifecycle.AfterEditWhy);
        logger.LogInformation("Evaluated {Platform} item {ItemId}: {Count} findings", item.Platform, item.Id, result.Count);
        return result;
    }

    /// <summary>Records one detection as a finding, with the item's text quoted around its evidence (personal data masked).</summary>
    private Task<Finding> RecordAsync(Item item, Detection detection, IReadOnlyList<Detection> all, string location, string version, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        recorder.RecordAsync(Finding.Create(detection, item.Platform, item.Id, location, item.Account, now, version, item.Permalink) with
        {
            Quote = EvidenceQuote.For(item.Text, detection, all, masker),
            Source = $"{item.Origin} {item.Kind}",
        }, cancellationToken);
}
