using System.Globalization;

namespace SocialMonitor.Core.Findings;

/// <summary>
/// The free-text filter of the findings list (<c>q</c>): the text is looked for, ignoring case and accents, in the
/// finding's evidence, quote and explanation, and then in the text of the item version it was raised on
/// (<see cref="FindingItems"/>, read only when the finding's own words do not match).
/// </summary>
public static class FindingText
{
    private const CompareOptions Loose = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace | CompareOptions.IgnoreWidth;

    public static bool Contains(string? haystack, string text) =>
        haystack is not null && CultureInfo.InvariantCulture.CompareInfo.IndexOf(haystack, text, Loose) >= 0;

    public static async ValueTask<bool> MatchesAsync(Finding finding, string text, FindingItems items, CancellationToken cancellationToken) =>
        Contains(finding.Evidence, text) || Contains(finding.Quote, text) || Contains(finding.Explanation, text)
        || Contains((await items.GetAsync(finding, cancellationToken))?.Text, text);
}
