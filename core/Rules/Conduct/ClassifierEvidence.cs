using System.Globalization;

namespace SocialMonitor.Core.Rules.Conduct;

/// <summary>
/// The classifier's flagged categories (<see cref="RuleContext.Classification"/>) as conduct detections, mapped to rules
/// by the policy's <c>classifier.categories</c>. Never a decision of its own: each is evidence with the clause and the
/// severity the policy sets. Where the term lists already found the same rule on the item, the classifier's word is added
/// to that detection's evidence (its evidence key, and so its finding id, stay the rule's): one finding, not two.
/// Otherwise the detection's evidence key is the category (<c>content-safety:Violence</c>), stable across evaluations.
/// </summary>
internal static class ClassifierEvidence
{
    public const string KeyPrefix = "content-safety:";

    public static List<Detection>? Merge(List<Detection>? detections, RuleContext context, string who)
    {
        if (context.Classification is not { } classification)
        {
            return detections;
        }
        var categories = context.Policy.Classifier.Categories;
        foreach (var (category, severity) in classification.Flagged)
        {
            if (!categories.TryGetValue(category, out var rule))
            {
                continue;
            }
            var note = string.Create(CultureInfo.InvariantCulture, $"{classification.Source}: {category}, severity {severity}");
            var found = detections?.FindIndex(d => d.Rule == rule) ?? -1;
            if (found >= 0)
            {
                detections![found] = detections[found] with { Evidence = $"{detections[found].Evidence}; {note}" };
                continue;
            }
            (detections ??= []).Add(new Detection(
                rule, context.Policy.SeverityOf(rule, DefaultSeverity(rule)), Clauses.RulesOfConduct, note, KeyPrefix + category,
                Explanation(rule, category, severity, classification, context, who)));
        }
        return detections;
    }

    private static string DefaultSeverity(string rule) => rule switch
    {
        ConductRule.Hate or ConductRule.Threat or ConductRule.SelfHarm => Severities.Critical,
        _ => Severities.High,
    };

    private static string Explanation(string rule, string category, int severity, Classification classification, RuleContext context, string who)
    {
        var rated = string.Create(CultureInfo.InvariantCulture,
            $"{classification.Source} rates this text {category} at severity {severity} of 6 (the monitor reports {classification.MinSeverity} and above)");
        if (rule != ConductRule.SelfHarm)
        {
            return $"{who} the Rules of Conduct; {rated}. It is a classifier's judgement, not a listed term: read the item before acting.";
        }
        var contacts = context.Policy.Classifier.SafetyContacts;
        var reach = contacts.Count == 0 ? "the library's safety contacts" : string.Join("; ", contacts);
        return $"A guest may be at risk of self-harm: {rated}. Only the coordinator hears of this finding. Do not answer in public or hide "
            + $"the comment; reach out privately and point to help: {reach}.";
    }
}
