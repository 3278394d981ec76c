using SocialMonitor.Core.Items;

namespace SocialMonitor.Core.Rules;

/// <summary>Every registered rule, run over one item.</summary>
public sealed class RuleSet(IEnumerable<IRule> rules)
{
    private readonly IRule[] _rules = [.. rules];

    public IReadOnlyList<Detection> Evaluate(Item item, RuleContext context) => Evaluate(item, context, null);

    /// <summary>Only the rules of <paramref name="families"/> (null: every rule), so that no other family ever runs on the item.</summary>
    public IReadOnlyList<Detection> Evaluate(Item item, RuleContext context, IReadOnlyCollection<string>? families)
    {
        ArgumentNullException.ThrowIfNull(item);
        var detections = new List<Detection>();
        foreach (var rule in _rules)
        {
            if ((rule.Kind is null || rule.Kind == item.Kind) && (families is null || families.Contains(rule.Family)))
            {
                detections.AddRange(rule.Evaluate(item, context));
            }
        }
        return detections;
    }
}
