namespace SocialMonitor.Core.ContentSafety;

/// <summary>
/// Azure AI Content Safety's answer for one item: the worst severity per category over all the parts the text was sent
/// in, and each part's own answer (as <c>categoriesAnalysis</c> gave it), which the archive keeps.
/// </summary>
public sealed record ContentSafetyAnswer(IReadOnlyDictionary<string, int> Severities, IReadOnlyList<IReadOnlyDictionary<string, int>> Parts);
