namespace SocialMonitor.Core.Rules;

/// <summary>
/// One rule firing on one item for one piece of evidence. <see cref="EvidenceKey"/> (the normalised link target,
/// term or masked value) is what makes the finding's id: the same evidence seen again is the same finding.
/// </summary>
public sealed record Detection(string Rule, string Severity, string Clause, string Evidence, string EvidenceKey, string Explanation)
{
    public string Family => Rule.Split('.')[0];
}
