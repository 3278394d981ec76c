using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Api;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Rules;

namespace SocialMonitor.Core.Notifications;

/// <summary>
/// Renders emails: a plain-text part and a single-column HTML part that reads on a phone. Per finding: severity, rule,
/// policy clause, platform, the evidence with personal data masked, a link to the post and to the finding
/// (<c>Api__PublicUrl</c>). Every value that came from a post is HTML-encoded; no token reaches an email.
/// </summary>
public sealed class EmailComposer(IOptions<ApiOptions> api, Policy policy, BusinessCalendar calendar, PersonalDataMasker masker, TimeProvider time)
{
    /// <summary>A digest lists this many findings in full and links to the rest.</summary>
    public const int MaxListed = 50;

    private const string Brand = "[SocialMonitor]";
    private const string PossibleDuplicateMark = "[Possible duplicate] ";
    private const string Content = "<div class=\"sm\" style=\"max-width:600px;margin:0 auto\">";
    private const string Footer = "SocialMonitor only flags: it never deletes or hides anything. Open the finding to acknowledge, resolve or dismiss it.";

    public Notification Immediate(Person to, Finding finding, IReadOnlyDictionary<string, string> locationNames)
    {
        var place = Name(finding.Location, locationNames);
        var sla = Sla(finding.Severity);
        var intro = $"SocialMonitor found something on a {place} account that the social media policy asks you to look at."
            + (sla is null ? "" : $" Please acknowledge it within {sla} business hours; after that it goes to the coordinator.");
        return Compose(EmailKinds.Immediate, to, [finding], locationNames,
            $"{Brand} {place}: 1 finding, {finding.Severity} - {finding.Rule}", intro,
            $"You receive {finding.Severity} findings at once because you watch the {place} accounts.");
    }

    public Notification Digest(Person to, IReadOnlyList<Finding> findings, IReadOnlyDictionary<string, string> locationNames)
    {
        var places = Places(findings, locationNames);
        var count = Count(findings.Count);
        return Compose(EmailKinds.Digest, to, findings, locationNames,
            $"{Brand} Daily digest - {places}: {count}, worst {Worst(findings)}",
            $"Your daily digest: {count} on the {places} accounts since the last one, worst first.",
            $"The digest comes at {to.DigestHour}:00 ({policy.TimeZone}) on business days; {AtOnce(to)}.");
    }

    public Notification Escalation(Person to, Finding finding, DateTimeOffset deadline, IReadOnlyList<Person> notified, IReadOnlyDictionary<string, string> locationNames)
    {
        var place = Name(finding.Location, locationNames);
        var sla = Sla(finding.Severity);
        var who = notified.Count == 0 ? "nobody (no managers)" : string.Join(", ", notified.Select(p => p.Name));
        return Compose(EmailKinds.Escalation, to, [finding], locationNames,
            $"{Brand} Escalated - {place}: 1 finding, {finding.Severity}, not acknowledged within {sla} business hours",
            $"This {finding.Severity} finding on a {place} account was not acknowledged within {sla} business hours (due {LocalTime(deadline)}). Told at once: {who}.",
            "Escalations come to the communication coordinator once per finding; the finding's status is now escalated.");
    }

    public Notification Test(string address)
    {
        var person = new Person { Name = address, Email = address };
        var now = time.GetUtcNow();
        const string Text = "This is a test email from SocialMonitor. If you can read it, email from the monitor reaches this mailbox.";
        return new Notification(EmailIds.For(address, EmailKinds.Test, [now.ToString("O", CultureInfo.InvariantCulture)]), [person],
            $"{Brand} Test email", Text + "\n", Page($"<p>{Text}</p>"), now);
    }

    /// <summary>The same email, marked: it may already have been delivered once (a send was cut off before it was recorded).</summary>
    public static Notification AsPossibleDuplicate(Notification email)
    {
        const string Notice = "Possible duplicate: sending this email was interrupted and it is sent again, so you may have it twice.";
        return email.Subject.StartsWith(PossibleDuplicateMark, StringComparison.Ordinal) ? email : email with
        {
            Subject = PossibleDuplicateMark + email.Subject,
            Text = Notice + "\n\n" + email.Text,
            Html = email.Html.Replace(Content, $"{Content}<p style=\"background:#fff3cd;padding:8px\">{Notice}</p>", StringComparison.Ordinal),
        };
    }

    private Notification Compose(
        string kind, Person to, IReadOnlyList<Finding> findings, IReadOnlyDictionary<string, string> locationNames, string subject, string intro, string why)
    {
        var ordered = findings.OrderBy(f => Severities.Rank(f.Severity)).ThenByDescending(f => f.FirstSeen).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
        var text = new StringBuilder().Append(intro).Append("\n\n");
        var html = new StringBuilder().Append("<p>").Append(E(intro)).Append("</p>");
        foreach (var group in ordered.Take(MaxListed).GroupBy(f => f.Location))
        {
            var place = Name(group.Key, locationNames);
            text.Append("== ").Append(place).Append(" ==\n\n");
            html.Append("<h2 style=\"font-size:18px;margin:20px 0 8px\">").Append(E(place)).Append("</h2>");
            foreach (var finding in group)
            {
                AppendFinding(text, html, finding);
            }
        }
        if (ordered.Count > MaxListed)
        {
            var rest = $"{ordered.Count - MaxListed} more are not listed here: see {PublicUrl}/api/findings?status=open";
            text.Append(rest).Append("\n\n");
            html.Append("<p>").Append(E(rest)).Append("</p>");
        }
        text.Append("--\n").Append(why).Append('\n').Append(Footer).Append('\n');
        html.Append("<p style=\"color:#555;font-size:14px;border-top:1px solid #ddd;padding-top:8px\">")
            .Append(E(why)).Append("<br>").Append(E(Footer)).Append("</p>");
        var id = EmailIds.For(to.Email, kind, findings.Select(EmailIds.Occurrence));
        return new Notification(id, [to], subject, text.ToString(), Page(html.ToString()), time.GetUtcNow());
    }

    private void AppendFinding(StringBuilder text, StringBuilder html, Finding finding)
    {
        var evidence = masker.Mask(UrlScrubber.Scrub(finding.Evidence));
        var why = masker.Mask(UrlScrubber.Scrub(finding.Explanation));
        var post = finding.Permalink is null ? null : UrlScrubber.Scrub(finding.Permalink);
        var link = $"{PublicUrl}/api/findings/{Uri.EscapeDataString(finding.Id)}";
        var platform = finding.Account is null ? finding.Platform : $"{finding.Platform} ({finding.Account})";
        var headline = $"{finding.Severity.ToUpperInvariant()} - {finding.Rule}";

        text.Append(headline).Append('\n')
            .Append("Policy: ").Append(finding.Clause).Append('\n')
            .Append("Platform: ").Append(platform).Append('\n')
            .Append("Evidence: ").Append(evidence).Append('\n')
            .Append("Why: ").Append(why).Append('\n')
            .Append("Found: ").Append(LocalTime(finding.FirstSeen)).Append('\n');
        if (post is not null)
        {
            text.Append("Post: ").Append(post).Append('\n');
        }
        text.Append("Finding: ").Append(link).Append("\n\n");

        html.Append("<div style=\"border-left:4px solid ").Append(Color(finding.Severity))
            .Append(";background:#f6f6f6;padding:8px 12px;margin:0 0 12px;word-wrap:break-word;overflow-wrap:anywhere\">")
            .Append("<p style=\"margin:0 0 6px\"><strong>").Append(E(headline)).Append("</strong></p>");
        Line(html, "Policy", E(finding.Clause));
        Line(html, "Platform", E(platform));
        Line(html, "Evidence", E(evidence));
        Line(html, "Why", E(why));
        Line(html, "Found", E(LocalTime(finding.FirstSeen)));
        html.Append("<p style=\"margin:8px 0 0\">");
        if (post is not null && Uri.TryCreate(post, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
        {
            html.Append("<a href=\"").Append(E(post)).Append("\">Open the post</a> &middot; ");
        }
        html.Append("<a href=\"").Append(E(link)).Append("\">Open the finding</a></p></div>");
    }

    private static void Line(StringBuilder html, string label, string encoded) =>
        html.Append("<p style=\"margin:0 0 4px\"><span style=\"color:#555\">").Append(label).Append(":</span> ").Append(encoded).Append("</p>");

    private static string Page(string content) =>
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head>"
        + "<body style=\"margin:0;padding:12px;font-family:-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:16px;line-height:1.45;color:#1a1a1a\">"
        + Content + content + "</div></body></html>";

    private string PublicUrl => api.Value.PublicUrl.TrimEnd('/');

    private int? Sla(string severity) => severity switch
    {
        Severities.Critical => policy.Sla.Critical,
        Severities.High => policy.Sla.High,
        _ => null,
    };

    private string LocalTime(DateTimeOffset instant) =>
        calendar.ToLocal(instant).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + $" ({policy.TimeZone})";

    private static string Name(string location, IReadOnlyDictionary<string, string> names) => names.GetValueOrDefault(location, location);

    private static string Places(IReadOnlyList<Finding> findings, IReadOnlyDictionary<string, string> names)
    {
        var places = findings.Select(f => Name(f.Location, names)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return places.Count <= 3 ? string.Join(", ", places) : $"{string.Join(", ", places.Take(3))} and {places.Count - 3} more";
    }

    private static string AtOnce(Person person) =>
        Severities.All.Where(s => person.Notify.For(s) == NotifyPreferences.Immediate).ToList() is { Count: > 0 } now
            ? $"{(now.Count == 1 ? now[0] : string.Join(", ", now[..^1]) + " and " + now[^1])} findings come to you at once"
            : "no finding comes to you at once";

    private static string Count(int count) => count == 1 ? "1 finding" : $"{count} findings";

    private static string Worst(IReadOnlyList<Finding> findings) => findings.MinBy(f => Severities.Rank(f.Severity))?.Severity ?? Severities.Low;

    private static string Color(string severity) => severity switch
    {
        Severities.Critical => "#b00020",
        Severities.High => "#d9480f",
        Severities.Medium => "#e0a800",
        _ => "#6c757d",
    };

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
