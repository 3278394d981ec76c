namespace SocialMonitor.Core.Rules;

/// <summary>
/// One rule firing on one item for one piece of evidence. <see cref="EvidenceKey"/> (the normalised link target,
/// term or masked value) is what makes the finding's id: the same evidence seen again is the same finding.
/// </summary>
public sealed record Detection(string Rule, string Severity, string Clause, string Evidence, string EvidenceKey, string Explanation)
{
    public string Family => Rule.Split('.')[0];

    /// <summary>Where the evidence sits in the item's text (UTF-16 offset), when it came from the text.</summary>
    public int? Offset { get; init; }

    /// <summary>How long the evidence is in the item's text, when it came from the text.</summary>
    public int? Length { get; init; }
}
