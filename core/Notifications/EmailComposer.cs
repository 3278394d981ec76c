using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Api;
using SocialMonitor.Core.Findings;

namespace SocialMonitor.Core.Notifications;

/// <summary>Renders a finding as an email: plain text and HTML, every value from a post HTML-encoded.</summary>
public sealed class EmailComposer(IOptions<ApiOptions> api)
{
    public Notification Compose(Finding finding, Location? location, IReadOnlyList<Person> to)
    {
        var place = location?.Name ?? finding.Location;
        var link = $"{api.Value.PublicUrl.TrimEnd('/')}/api/findings/{finding.Id}";
        var subject = $"[SocialMonitor] {place}: 1 finding ({finding.Severity}) - {finding.Rule}";
        var fields = new (string Label, string? Value)[]
        {
            ("Rule", finding.Rule),
            ("Severity", finding.Severity),
            ("Policy", finding.Clause),
            ("Platform", $"{finding.Platform} ({finding.Account ?? "no account"})"),
            ("Post", finding.Permalink),
            ("Evidence", finding.Evidence),
            ("Why", finding.Explanation),
            ("Finding", link),
        };

        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"SocialMonitor found something on a {place} account that the social media policy asks you to look at.")
            .AppendLine();
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"></head>")
            .Append("<body style=\"font-family:sans-serif;max-width:40em\"><p>SocialMonitor found something on a ")
            .Append(WebUtility.HtmlEncode(place)).Append(" account that the social media policy asks you to look at.</p><table>");
        foreach (var (label, value) in fields.Where(f => f.Value is not null))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{label}: {value}");
            var encoded = WebUtility.HtmlEncode(value);
            var cell = label is "Post" or "Finding" ? $"<a href=\"{encoded}\">{encoded}</a>" : encoded;
            html.Append("<tr><th style=\"text-align:left;vertical-align:top;padding-right:1em\">").Append(label)
                .Append("</th><td>").Append(cell).Append("</td></tr>");
        }
        text.AppendLine().AppendLine("SocialMonitor only flags: it never deletes or hides anything. Acknowledge or resolve the finding at the link above.");
        html.Append("</table><p>SocialMonitor only flags: it never deletes or hides anything. Acknowledge or resolve the finding at the link above.</p></body></html>");
        return new Notification($"{finding.Location}-{finding.Id[..16]}", to, subject, text.ToString(), html.ToString());
    }
}
