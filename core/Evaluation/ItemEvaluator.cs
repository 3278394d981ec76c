using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Approvals;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Notifications;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Rules;
using SocialMonitor.Core.Rules.LinkDomain;

namespace SocialMonitor.Core.Evaluation;

/// <summary>
/// <c>evaluate-item</c>: runs the rules over one item and merges each detection into its finding (stable id, detection
/// fields only); <see cref="FindingRecorder"/> queues a new finding's <c>notify</c> message. Safe to run twice. Before
/// the rules run it gathers what they may not fetch themselves: the item's location, the link approvals (cached
/// briefly) and, when <c>Links__Resolve</c> is on, where the item's shortened links lead. On a retry they are gathered
/// again: a shortener that now answers differently gives a different finding id (the evidence key is the target).
/// </summary>
public sealed class ItemEvaluator(
    RuleSet rules,
    Policy policy,
    AccountRegistry registry,
    ApprovalCache approvals,
    LinkResolver resolver,
    IOptions<LinkOptions> links,
    FindingRecorder recorder,
    FindingItems items,
    FindingLifecycle lifecycle,
    QueueSender queue,
    PersonalDataMasker masker,
    TimeProvider time,
    ILogger<ItemEvaluator> logger)
{
    public async Task<IReadOnlyList<Finding>> EvaluateAsync(EvaluateItemMessage message, CancellationToken cancellationToken)
    {
        var item = message.Item
            ?? (message.ClaimCheck is { } blob ? await queue.ReadClaimCheckAsync(blob, cancellationToken)
                : throw new ArgumentException("An evaluate-item message must carry an item or a claim check.", nameof(message)));
        var account = item.Account is null ? null : await registry.GetAccountAsync(item.Account, cancellationToken);
        var now = time.GetUtcNow();
        var version = ItemJson.ContentHash(item)[..16];

        var context = new RuleContext(now, policy)
        {
            Location = account?.Location,
            Approvals = await approvals.GetAsync(cancellationToken),
            ResolvedLinks = links.Value.Resolve ? await resolver.ResolveLinksAsync(item, policy, cancellationToken) : new Dictionary<string, ResolvedLink>(),
        };
        var detections = rules.Evaluate(item, context);
        if (detections.Count > 0)
        {
            await items.SaveAsync(item, version, cancellationToken); // Before its findings, so the API can show them with it.
        }
        var result = new List<Finding>();
        foreach (var detection in detections)
        {
            result.Add(await recorder.RecordAsync(new Finding
            {
                Id = FindingIds.For(item.Platform, item.Id, detection.Rule, detection.EvidenceKey),
                Rule = detection.Rule,
                Severity = detection.Severity,
                Location = account?.Location ?? DeadMessageHandler.DistrictLocation,
                Account = item.Account,
                Platform = item.Platform,
                ItemId = item.Id,
                ItemVersion = version,
                Permalink = item.Permalink,
                Clause = detection.Clause,
                Evidence = detection.Evidence,
                Explanation = detection.Explanation,
                Quote = EvidenceQuote.For(item.Text, detection, detections, masker),
                Source = $"{item.Origin} {item.Kind}",
                FirstSeen = now,
                LastSeen = now,
            }, cancellationToken));
        }
        // An edit that removed a problem resolves its finding; run again, it finds nothing more to change.
        await lifecycle.ResolveAbsentAsync(item.Platform, item.Id, version, [.. result.Select(f => f.Id)], cancellationToken);
        logger.LogInformation("Evaluated {Platform} item {ItemId}: {Count} findings", item.Platform, item.Id, result.Count);
        return result;
    }
}
