using System.Globalization;
using System.Text;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Rules;
using SocialMonitor.Core.Rules.Accessibility;

namespace SocialMonitor.Cli.Check;

/// <summary>
/// The readable form of <c>check</c>, for stderr: per item a table of its findings with the span of the text each one
/// rests on highlighted (reverse video on a terminal, <c>»…«</c> otherwise or with NO_COLOR), then each explanation and
/// what to do (the same advice the emails give).
/// </summary>
internal static class CheckReport
{
    private const int Context = 24;
    private const string MarkStart = "»";
    private const string MarkEnd = "«";

    public static string Render(Item item, IReadOnlyList<Detection> detections, bool colour)
    {
        var text = new StringBuilder();
        if (detections.Count == 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{item.Id}: no findings.");
            return text.ToString();
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"{item.Id}: {detections.Count} finding{(detections.Count == 1 ? "" : "s")}");
        var table = TextTable.Render(
            ["#", "severity", "rule", "at", "where"],
            detections.Select((d, i) => (IReadOnlyList<string>)[
                (i + 1).ToString(CultureInfo.InvariantCulture), d.Severity, d.Rule, At(d), Span(item.Text, d)]));
        text.Append(colour ? table.Replace(MarkStart, "\u001b[7m", StringComparison.Ordinal).Replace(MarkEnd, "\u001b[27m", StringComparison.Ordinal) : table);
        foreach (var (detection, index) in detections.Select((d, i) => (d, i + 1)))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{index}. {detection.Explanation}");
            text.AppendLine(CultureInfo.InvariantCulture, $"   evidence: {detection.Evidence}");
            text.AppendLine(CultureInfo.InvariantCulture, $"   what to do: {RuleTexts.For(detection.Rule).Advice}");
            text.AppendLine(CultureInfo.InvariantCulture, $"   clause: {detection.Clause}");
        }
        return text.ToString();
    }

    /// <summary>Where the finding is: its span in the text, else the part of the item it rests on (links, media or the text as a whole).</summary>
    private static string At(Detection detection) =>
        detection.Offset is { } offset ? string.Create(CultureInfo.InvariantCulture, $"{offset}-{offset + (detection.Length ?? 0)}")
        : detection.Family == "link-domain" ? "links"
        : detection.Rule is AccessibilityRule.AltText or AccessibilityRule.Captions ? "media"
        : "text";

    /// <summary>The text around the span with the span marked; the evidence itself when the finding has no span in the text.</summary>
    public static string Span(string text, Detection detection)
    {
        if (detection.Offset is not { } offset || detection.Length is not { } length || offset < 0 || offset + length > text.Length)
        {
            return MarkStart + OneLine(detection.Evidence.Split(", which leads to ")[0]) + MarkEnd;
        }
        var from = Math.Max(0, offset - Context);
        var to = Math.Min(text.Length, offset + length + Context);
        return (from > 0 ? "…" : "") + OneLine(text[from..offset]) + MarkStart + OneLine(text.Substring(offset, length)) + MarkEnd +
            OneLine(text[(offset + length)..to]) + (to < text.Length ? "…" : "");
    }

    private static string OneLine(string text) => text.Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' ');
}
