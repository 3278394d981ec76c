namespace SocialMonitor.Core.Policies;

/// <summary>
/// The policy's <c>classifier</c> section: how the optional classifier's categories (Azure AI Content Safety, on when
/// <c>ContentSafety__Endpoint</c> is set) become findings of the conduct rule, and which items it is asked about.
/// </summary>
public sealed record ClassifierPolicy
{
    /// <summary>Whether official posts are classified too; guest items with text always are.</summary>
    public bool OfficialItems { get; init; }

    /// <summary>The rule each category raises (<c>"Violence": "conduct.threat"</c>); a category not listed raises nothing.</summary>
    public IReadOnlyDictionary<string, string> Categories { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Hate"] = "conduct.hate",
        ["Violence"] = "conduct.threat",
        ["Sexual"] = "conduct.sexual",
        ["SelfHarm"] = "conduct.self-harm",
    };

    /// <summary>Who the coordinator contacts about a guest who may be at risk of self-harm, quoted in that finding's guidance.</summary>
    public IReadOnlyList<string> SafetyContacts { get; init; } = [];
}
