using SocialMonitor.Core.Items;

namespace SocialMonitor.Core.Rules;

/// <summary>Every registered rule, run over one item.</summary>
public sealed class RuleSet(IEnumerable<IRule> rules)
{
    private readonly IRule[] _rules = [.. rules];

    public IReadOnlyList<Detection> Evaluate(Item item, RuleContext context)
    {
        var detections = new List<Detection>();
        foreach (var rule in _rules)
        {
            detections.AddRange(rule.Evaluate(item, context));
        }
        return detections;
    }
}
