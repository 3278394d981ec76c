using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Rules;
using SocialMonitor.Core.Rules.LinkDomain;

namespace SocialMonitor.Core.Approvals;

/// <summary>What a link approval covers: the links of an item it allows, and why a link finding it allows is resolved.</summary>
public static class LinkApprovals
{
    public const string Family = "link-domain";

    /// <summary>The link approvals in force that allow one of <paramref name="item"/>'s links at <paramref name="location"/>.</summary>
    public static IEnumerable<Approval> Allowing(Item item, string? location, IEnumerable<Approval> approvals, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(item);
        var targets = item.Links.Select(WebAddress.Parse).OfType<WebAddress>().ToList();
        return approvals.Where(a => a.Kind == ApprovalKinds.Links && a.InForce(today) && a.AppliesTo(item.Account, location) && targets.Any(a.Matches));
    }

    /// <summary>
    /// "destination approved by …" when an approval in force allows a link of the item the finding's evidence names
    /// (or, failing that, any of its links); null when none does.
    /// </summary>
    public static string? ApprovedWhy(Item item, Finding finding, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(context);
        var named = item with { Links = [.. item.Links.Where(l => finding.Evidence.Contains(l, StringComparison.Ordinal))] };
        var approval = Allowing(named, context.Location, context.Approvals, context.Today).FirstOrDefault()
            ?? Allowing(item, context.Location, context.Approvals, context.Today).FirstOrDefault();
        return approval is null ? null : $"destination approved by {approval.Approver} ({approval.Id}: {approval.Match} {approval.Value})";
    }
}
