using SocialMonitor.Core.Items;

namespace SocialMonitor.Core.Rules;

/// <summary>
/// A rule: pure (no I/O, no clock, no state between items), so it runs the same in the functions, the CLI and the
/// benchmark. Anything slow happens before evaluation and comes in through the <see cref="RuleContext"/>.
/// </summary>
public interface IRule
{
    /// <summary>The family: the part of the rule id before the first dot (<c>link-domain</c>, <c>conduct</c>).</summary>
    string Family { get; }

    /// <summary>
    /// The one item kind (<see cref="ItemKinds"/>) the rule can fire on, or null for every kind: <see cref="RuleSet"/> does
    /// not call it for another kind, so a post or comment costs the account and profile rules nothing (their iterators
    /// allocate when called). The rule still checks the kind itself.
    /// </summary>
    string? Kind => null;

    IEnumerable<Detection> Evaluate(Item item, RuleContext context);
}
