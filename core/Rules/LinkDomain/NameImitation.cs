namespace SocialMonitor.Core.Rules.LinkDomain;

/// <summary>
/// Whether a registrable domain imitates an allowed or approved name beyond look-alike characters, compared on skeletons
/// (<see cref="Confusables"/>) with hyphens ignored: the same name under another public suffix (<c>communitylibrary.org</c>,
/// <c>communitylibrary.net.co</c>), the whole name run together into one label (<c>communitylibrary-net.com</c>), or a
/// typo of it (a letter dropped, doubled, swapped or replaced: <c>comunitylibrary.net</c>; one edit for names of 6 to
/// 11 letters, two from 12). A name with words (two letters or more) added before or after it
/// (<c>mycommunitylibrary.net</c>) and a name used as a subdomain of another site (<c>communitylibrary.overdrive.com</c>)
/// are other sites, not imitations: they are unapproved (the link corpus's labelling decisions).
/// </summary>
internal static class NameImitation
{
    private const int MaxLabel = 63;

    /// <param name="label">The target's registrable label (the one before its public suffix), as a skeleton.</param>
    /// <param name="suffix">The target's public suffix.</param>
    /// <param name="name">The name's registrable label, as a skeleton.</param>
    /// <param name="nameSuffix">The name's public suffix.</param>
    /// <returns>How it imitates the name ("with the same name under another ending"), or null when it does not.</returns>
    public static string? Imitates(string label, string suffix, string name, string nameSuffix)
    {
        var target = label.Replace("-", "", StringComparison.Ordinal);
        var imitated = name.Replace("-", "", StringComparison.Ordinal);
        if (imitated.Length < 6 || target.Length > MaxLabel)
        {
            return null;
        }
        if (target == imitated)
        {
            // The caller asks only about hosts that are not the name itself.
            return suffix == nameSuffix ? "with the same name hyphenated" : "with the same name under another ending";
        }
        if (target == imitated + nameSuffix.Replace(".", "", StringComparison.Ordinal))
        {
            return "with the whole name run into one label";
        }
        if (target.Contains(imitated, StringComparison.Ordinal) && target.Length - imitated.Length >= 2)
        {
            return null; // words added before or after the name: another site
        }
        var allowed = imitated.Length >= 12 ? 2 : 1;
        return Math.Abs(target.Length - imitated.Length) <= allowed && Distance(target, imitated) <= allowed ? "with a misspelling of the name" : null;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    private static int Distance(string a, string b)
    {
        Span<int> before = stackalloc int[b.Length + 1];
        Span<int> previous = stackalloc int[b.Length + 1];
        Span<int> current = stackalloc int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var best = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    best = Math.Min(best, before[j - 2] + 1);
                }
                current[j] = best;
            }
            var spare = before;
            before = previous;
            previous = current;
            current = spare;
        }
        return previous[b.Length];
    }
}
