using SocialMonitor.Core.Approvals;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Rules.LinkDomain;

namespace SocialMonitor.Core.Rules;

/// <summary>
/// Everything a rule may read besides the item: the time of evaluation, the loaded policy, and what was looked up
/// before evaluation (the item's location, the link approvals, shortened links resolved, the classifier's answer), so that rules stay pure.
/// </summary>
public sealed record RuleContext(DateTimeOffset Now, Policy Policy)
{
    private static readonly IReadOnlyDictionary<string, ResolvedLink> _noResolvedLinks = new Dictionary<string, ResolvedLink>();

    /// <summary>The location id of the item's account, when known (approvals may be scoped to it).</summary>
    public string? Location { get; init; }

    /// <summary>Every approval on record, of every kind, revoked and expired ones included; rules decide what is of their kind, in force and in scope.</summary>
    public IReadOnlyList<Approval> Approvals { get; init; } = [];

    /// <summary>Shortened links resolved before evaluation, by their normalised short link (<see cref="WebAddress.Key"/>).</summary>
    public IReadOnlyDictionary<string, ResolvedLink> ResolvedLinks { get; init; } = _noResolvedLinks;

    /// <summary>The optional classifier's answer for the item; null when it is off, was not asked, or failed.</summary>
    public Classification? Classification { get; init; }

    /// <summary>The district's local date at <see cref="Now"/> (approvals expire at the end of a local day).</summary>
    public DateOnly Today => Policy.LocalDate(Now);
}
