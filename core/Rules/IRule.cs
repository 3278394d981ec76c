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

    IEnumerable<Detection> Evaluate(Item item, RuleContext context);
}
