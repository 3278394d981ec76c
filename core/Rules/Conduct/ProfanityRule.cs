using System.Globalization;
using System.Text.RegularExpressions;
using SocialMonitor.Core.Items;

namespace SocialMonitor.Core.Rules.Conduct;

/// <summary>
/// <c>conduct.profanity</c>: a small built-in list of profanities matched as whole words in any case
/// ("hello", "shell", "class" and "Scunthorpe" are not hits). One detection per distinct term.
/// </summary>
public sealed partial class ProfanityRule : IRule
{
    public const string Id = "conduct.profanity";

    public string Family => "conduct";

    public IEnumerable<Detection> Evaluate(Item item, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        List<Detection>? detections = null;
        foreach (var match in Terms().EnumerateMatches(item.Text))
        {
            var written = item.Text.AsSpan(match.Index, match.Length);
            if (Seen(detections, written))
            {
                continue;
            }
            var term = written.ToString().ToLowerInvariant();
            var who = item.Origin == ItemOrigins.Official ? "Official posts follow" : "Guest comments follow";
            (detections ??= []).Add(new Detection(
                Id,
                Severities.Medium,
                Clauses.RulesOfConduct,
                string.Create(CultureInfo.InvariantCulture, $"'{written}' at {match.Index}"),
                term,
                $"{who} the Rules of Conduct; this one uses profanity ('{term}')."));
        }
        return detections ?? (IEnumerable<Detection>)[];
    }

    private static bool Seen(List<Detection>? detections, ReadOnlySpan<char> written)
    {
        if (detections is null)
        {
            return false;
        }
        foreach (var detection in detections)
        {
            if (written.Equals(detection.EvidenceKey, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    [GeneratedRegex(
        @"\b(?:damn(?:s|ed|ing|it)?|dammit|hell|crap(?:s|py|ped|ping)?|shit(?:s|ty|ted|ting|ter)?|" +
        @"fuck(?:s|ed|er|ers|ing|in)?|bastards?|ass(?:es|hole|holes)?|bitch(?:es|ed|ing|y)?)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Terms();
}
