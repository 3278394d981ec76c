using System.Globalization;
using System.Net;
using System.Text;
using SocialMonitor.Core.Evaluation;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Rules;

namespace SocialMonitor.Core.Notifications;

/// <summary>
/// The entries of an email, one per item (a post, a comment, an account), its problems beneath it, worst first: what
/// was found in words, the offending text quoted with the evidence marked and personal data masked, why, what to do,
/// and the policy clause, and "Open the finding": the finding's screen on the page (<c>{Api__PublicUrl}/findings/{id}</c>,
/// through sign-in when needed). A link shows once, with where it really leads only when that differs. No character offsets.
/// </summary>
internal sealed class EmailEntries(BusinessCalendar calendar, PersonalDataMasker masker, StringBuilder text, StringBuilder html, string publicUrl)
{
    private const string LeadsTo = ", which leads to ";

    public void Append(IReadOnlyList<Finding> problems)
    {
        var first = problems[0];
        var worst = problems.MinBy(f => Severities.Rank(f.Severity))!;
        var post = first.Permalink is null ? null : UrlScrubber.Scrub(first.Permalink);
        var what = first.Source is { Length: > 0 } source ? char.ToUpperInvariant(source[0]) + source[1..] : "Account";
        var where = first.Account is null ? first.Platform : $"{first.Platform} ({first.Account})";
        var headline = $"{worst.Severity.ToUpperInvariant()} - {what} on {where}";
        var found = $"Found {Local(problems.Min(f => f.FirstSeen))}";

        text.Append(headline).Append('\n').Append(found).Append('\n');
        if (post is not null)
        {
            text.Append("Post: ").Append(post).Append('\n');
        }
        html.Append("<div style=\"border-left:4px solid ").Append(Color(worst.Severity))
            .Append(";background:#f6f6f6;padding:8px 12px;margin:0 0 12px;word-wrap:break-word;overflow-wrap:anywhere\">\n")
            .Append("<p style=\"margin:0 0 6px\"><strong>").Append(E(headline)).Append("</strong><br>\n")
            .Append("<span style=\"color:#555\">").Append(E(found)).Append("</span>");
        if (post is not null && Uri.TryCreate(post, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
        {
            html.Append(" &middot; <a href=\"").Append(E(post)).Append("\">Open the post</a>");
        }
        html.Append("</p>\n");
        foreach (var finding in problems.OrderBy(f => Severities.Rank(f.Severity)).ThenBy(f => f.Rule, StringComparer.Ordinal).ThenBy(f => f.Evidence, StringComparer.Ordinal))
        {
            Problem(finding);
        }
        text.Append('\n');
        html.Append("</div>\n");
    }

    private void Problem(Finding finding)
    {
        var rule = RuleTexts.For(finding.Rule);
        var quote = finding.Quote is null ? null : masker.Mask(UrlScrubber.Scrub(finding.Quote));
        var (evidence, leadsTo) = Evidence(finding, quote);
        var why = masker.Mask(UrlScrubber.Scrub(finding.Explanation));
        var title = $"{rule.Title} ({finding.Severity})";

        text.Append("  * ").Append(title).Append('\n');
        Line("Text", quote is null ? null : "\"" + quote + "\"");
        Line("Found", evidence);
        Line("Leads to", leadsTo);
        Line("Why", why);
        Line("What to do", rule.Advice);
        Line("Policy", finding.Clause);
        Line("Finding", finding.Id);
        Line("Open the finding", FindingUrl(finding));

        html.Append("<div style=\"margin:8px 0 0 0;padding:6px 0 0;border-top:1px solid #ddd\">\n<p style=\"margin:0 0 4px\"><strong>")
            .Append(E(title)).Append("</strong></p>\n");
        if (quote is not null)
        {
            HtmlLine("Text", "&ldquo;" + QuoteHtml(quote) + "&rdquo;");
        }
        HtmlLine("Found", evidence is null ? null : E(evidence));
        HtmlLine("Leads to", leadsTo is null ? null : E(leadsTo));
        HtmlLine("Why", E(why));
        HtmlLine("What to do", "<strong>" + E(rule.Advice) + "</strong>");
        HtmlLine("Policy", E(finding.Clause));
        HtmlLine("Finding", "<a href=\"" + E(FindingUrl(finding)) + "\">Open the finding</a> <span style=\"color:#555;font-size:13px\">" + E(finding.Id) + "</span>");
        html.Append("</div>\n");
    }

    /// <summary>
    /// The evidence where the quote does not already show it, and the link's real destination where it differs. The
    /// quote marks the evidence itself, so the evidence line is left out when it says no more.
    /// </summary>
    private (string? Evidence, string? LeadsTo) Evidence(Finding finding, string? quote)
    {
        var evidence = masker.Mask(UrlScrubber.Scrub(finding.Evidence));
        string? leadsTo = null;
        if (evidence.IndexOf(LeadsTo, StringComparison.Ordinal) is var at and >= 0)
        {
            leadsTo = evidence[(at + LeadsTo.Length)..];
            evidence = evidence[..at];
        }
        if (quote is not null && Marked(quote) is { Length: > 0 } marked && evidence.Contains(marked, StringComparison.Ordinal))
        {
            return (null, leadsTo);
        }
        return (evidence, leadsTo);
    }

    /// <summary>The quote encoded, its marked evidence in <c>&lt;mark&gt;</c>.</summary>
    private static string QuoteHtml(string quote)
    {
        var start = quote.IndexOf(EvidenceQuote.MarkStart, StringComparison.Ordinal);
        var end = quote.IndexOf(EvidenceQuote.MarkEnd, StringComparison.Ordinal);
        return start >= 0 && end > start
            ? E(quote[..start]) + "<mark>" + E(quote[(start + 1)..end]) + "</mark>" + E(quote[(end + 1)..])
            : E(quote);
    }

    private static string? Marked(string quote)
    {
        var start = quote.IndexOf(EvidenceQuote.MarkStart, StringComparison.Ordinal);
        var end = quote.IndexOf(EvidenceQuote.MarkEnd, StringComparison.Ordinal);
        return start >= 0 && end > start ? quote[(start + 1)..end] : null;
    }

    private void Line(string label, string? value)
    {
        if (value is not null)
        {
            text.Append("    ").Append(label).Append(": ").Append(value).Append('\n');
        }
    }

    private void HtmlLine(string label, string? encoded)
    {
        if (encoded is not null)
        {
            html.Append("<p style=\"margin:0 0 4px\"><span style=\"color:#555\">").Append(label).Append(":</span> ").Append(encoded).Append("</p>\n");
        }
    }

    /// <summary>The finding's screen on the page.</summary>
    private string FindingUrl(Finding finding) => $"{publicUrl.TrimEnd('/')}/findings/{Uri.EscapeDataString(finding.Id)}";

    private string Local(DateTimeOffset instant) =>
        calendar.ToLocal(instant).ToString("ddd d MMM yyyy, H:mm", CultureInfo.InvariantCulture) + " " + calendar.ZoneName(instant);

    private static string Color(string severity) => severity switch
    {
        Severities.Critical => "#b00020",
        Severities.High => "#d9480f",
        Severities.Medium => "#e0a800",
        _ => "#6c757d",
    };

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
