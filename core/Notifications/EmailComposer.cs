using Microsoft.Extensions.Options;
using SocialMonitor.Core.Api;
using System.Globalization;
using System.Net;
using System.Text;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Rules;

namespace SocialMonitor.Core.Notifications;

/// <summary>
/// Renders emails: a plain-text part and a single-column HTML part that reads on a phone. Subjects and headings say
/// what was found in words (<see cref="RuleTexts"/>), never a rule id. The body lists one entry per item (post,
/// comment, account), its problems beneath it (<see cref="EmailEntries"/>), and says how to act: reply to the
/// coordinator, who records it. Every value that came from a post is HTML-encoded and masked; no token reaches an email.
/// </summary>
public sealed class EmailComposer(Policy policy, BusinessCalendar calendar, PersonalDataMasker masker, TimeProvider time, IOptions<ApiOptions> api)
{
    /// <summary>A digest lists this many findings in full and counts the rest.</summary>
    public const int MaxListed = 50;

    private const string Brand = "[SocialMonitor]";
    private const string PossibleDuplicateMark = "[Possible duplicate] ";
    private const string Content = "<div class=\"sm\" style=\"max-width:600px;margin:0 auto\">";
    private const string Flags = "SocialMonitor only flags: it never deletes or hides anything.";

    /// <summary>An immediate email: one finding, or the findings bundled for this person within <c>Mail__BundleSeconds</c>.</summary>
    public Notification Immediate(Person to, IReadOnlyList<Finding> findings, IReadOnlyDictionary<string, string> locationNames, Person? coordinator = null)
    {
        var places = Places(findings, locationNames);
        var worst = Worst(findings);
        var sla = Sla(worst.Severity);
        var intro = $"SocialMonitor found {(findings.Count == 1 ? "something" : Count(findings.Count))} on the {places} accounts that the social media policy asks you to look at."
            + (sla is null ? "" : $" Please act on {(findings.Count == 1 ? "it" : "the " + worst.Severity + " ones")} within {sla} business hours: after that {(findings.Count == 1 ? "it goes" : "they go")} to the coordinator.");
        var severities = findings.Select(f => f.Severity).Distinct(StringComparer.Ordinal).OrderBy(Severities.Rank).ToList();
        return Compose(EmailKinds.Immediate, to, findings, locationNames, coordinator,
            $"{Brand} {places}, {worst.Severity}: {What(worst)}{More(findings.Count)}", intro,
            $"You receive {And(severities)} findings at once because you watch the {places} accounts.");
    }

    public Notification Digest(Person to, IReadOnlyList<Finding> findings, IReadOnlyDictionary<string, string> locationNames, Person? coordinator = null)
    {
        var places = Places(findings, locationNames);
        var count = Count(findings.Count);
        var next = calendar.NextDigestTime(time.GetUtcNow(), to.DigestHour);
        return Compose(EmailKinds.Digest, to, findings, locationNames, coordinator,
            $"{Brand} Daily digest - {places}: {count}, worst {Worst(findings).Severity}",
            $"Your daily digest: {count} on the {places} accounts since the last one, worst first.",
            $"Your next digest comes on {Day(next)} at {Clock(next)}, if something new comes in by then; digests come at {to.DigestHour}:00 on business days. {AtOnce(to)}.");
    }

    public Notification Escalation(Person to, Finding finding, DateTimeOffset deadline, IReadOnlyList<Person> notified, IReadOnlyDictionary<string, string> locationNames)
    {
        var place = Name(finding.Location, locationNames);
        var sla = Sla(finding.Severity);
        var who = notified.Count == 0 ? "nobody (the location has no manager who gets it at once)" : string.Join(", ", notified.Select(p => p.Name));
        return Compose(EmailKinds.Escalation, to, [finding], locationNames, null,
            $"{Brand} Escalated - {place}, {finding.Severity}: {What(finding)}, not acknowledged within {sla} business hours",
            $"Escalated: this {finding.Severity} finding on a {place} account was not acknowledged within {sla} business hours, "
                + $"by {Clock(deadline)} on {Day(deadline)}. Told at once when it was found: {who}.",
            $"Escalation means the people told at once did not take the finding up in time, so it comes to you, the communication "
                + $"coordinator, once; its status is now escalated until someone acknowledges, resolves or dismisses it. Business hours are "
                + $"{policy.BusinessHours.Start:HH\\:mm} to {policy.BusinessHours.End:HH\\:mm} {calendar.ZoneName(deadline)} on business days, without the library's holidays.");
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
            Html = email.Html.Replace(Content, $"{Content}\n<p style=\"background:#fff3cd;padding:8px\">{Notice}</p>", StringComparison.Ordinal),
        };
    }

    /// <summary>What was found, in words: the rule's title and, for an item, what it is ("A phone number in a guest comment").</summary>
    public static string What(Finding finding)
    {
        var title = RuleTexts.For(finding.Rule).Title;
        return finding.Source is { Length: > 0 } source ? $"{title} in {Article(source)} {source}" : title;
    }

    private Notification Compose(
        string kind, Person to, IReadOnlyList<Finding> findings, IReadOnlyDictionary<string, string> locationNames, Person? coordinator,
        string subject, string intro, string why)
    {
        var ordered = findings.OrderBy(f => Severities.Rank(f.Severity)).ThenByDescending(f => f.FirstSeen).ThenBy(f => f.Id, StringComparer.Ordinal).ToList();
        var text = new StringBuilder().Append(intro).Append("\n\n");
        var html = new StringBuilder().Append("<p>").Append(E(intro)).Append("</p>\n");
        var entries = new EmailEntries(calendar, masker, text, html, api.Value.PublicUrl);
        foreach (var place in ordered.Take(MaxListed).GroupBy(f => f.Location))
        {
            var name = Name(place.Key, locationNames);
            text.Append("== ").Append(name).Append(" ==\n\n");
            html.Append("<h2 style=\"font-size:18px;margin:20px 0 8px\">").Append(E(name)).Append("</h2>\n");
            foreach (var item in place.GroupBy(f => (f.Platform, f.ItemId)))
            {
                entries.Append([.. item]);
            }
        }
        var coordinatorName = coordinator is null ? "the communication coordinator" : $"the communication coordinator, {coordinator.Name} ({coordinator.Email})";
        if (ordered.Count > MaxListed)
        {
            var rest = $"{ordered.Count - MaxListed} more are not listed here: {coordinatorName} can list them all with 'socialmonitor findings list --status open'.";
            text.Append(rest).Append("\n\n");
            html.Append("<p>").Append(E(rest)).Append("</p>\n");
        }
        var act = kind == EmailKinds.Escalation
            ? "To act: reach the location's managers, see that it is dealt with, and record what was done on the finding (its id is above; 'socialmonitor findings list --status escalated' lists them)."
            : $"To act: do what each entry says, then reply to this email to tell {coordinatorName}, what you did (or that it needs nothing); "
                + "they record it on the finding. Coordinator: 'socialmonitor findings list --status open' lists them with their ids.";
        text.Append(act).Append("\n\n--\n").Append(why).Append('\n').Append(Flags).Append('\n');
        html.Append("<p style=\"background:#eef4fb;padding:8px 12px\">").Append(E(act)).Append("</p>\n")
            .Append("<p style=\"color:#555;font-size:14px;border-top:1px solid #ddd;padding-top:8px\">")
            .Append(E(why)).Append("<br>\n").Append(E(Flags)).Append("</p>\n");
        var id = EmailIds.For(to.Email, kind, findings.Select(EmailIds.Occurrence));
        return new Notification(id, [to], subject, text.ToString(), Page(html.ToString()), time.GetUtcNow())
        {
            ReplyTo = kind == EmailKinds.Escalation ? null : coordinator,
        };
    }

    private static string Page(string content) =>
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head>\n"
        + "<body style=\"margin:0;padding:12px;font-family:-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:16px;line-height:1.45;color:#1a1a1a\">\n"
        + Content + "\n" + content + "</div>\n</body></html>\n";

    private int? Sla(string severity) => severity switch
    {
        Severities.Critical => policy.Sla.Critical,
        Severities.High => policy.Sla.High,
        _ => null,
    };

    private string Clock(DateTimeOffset instant) =>
        calendar.ToLocal(instant).ToString("H:mm", CultureInfo.InvariantCulture) + " " + calendar.ZoneName(instant);

    private string Day(DateTimeOffset instant) => calendar.ToLocal(instant).ToString("dddd d MMMM", CultureInfo.InvariantCulture);

    private static string Name(string location, IReadOnlyDictionary<string, string> names) => names.GetValueOrDefault(location, location);

    private static string Places(IReadOnlyList<Finding> findings, IReadOnlyDictionary<string, string> names)
    {
        var places = findings.Select(f => Name(f.Location, names)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return places.Count <= 3 ? string.Join(", ", places) : $"{string.Join(", ", places.Take(3))} and {places.Count - 3} more";
    }

    private static string AtOnce(Person person) =>
        Severities.All.Where(s => person.Notify.For(s) == NotifyPreferences.Immediate).ToList() is { Count: > 0 } now
            ? $"{char.ToUpperInvariant(now[0][0])}{And(now)[1..]} findings come to you at once"
            : "No finding comes to you at once";

    private static string And(List<string> words) => words.Count == 1 ? words[0] : string.Join(", ", words.Take(words.Count - 1)) + " and " + words[^1];

    private static string Count(int count) => count == 1 ? "1 finding" : $"{count} findings";

    private static string More(int count) => count switch
    {
        1 => "",
        2 => " and 1 more",
        _ => $" and {count - 1} more",
    };

    private static string Article(string words) => "aeiou".Contains(words[0], StringComparison.OrdinalIgnoreCase) ? "an" : "a";

    private static Finding Worst(IReadOnlyList<Finding> findings) =>
        findings.OrderBy(f => Severities.Rank(f.Severity)).ThenBy(f => f.FirstSeen).ThenBy(f => f.Id, StringComparer.Ordinal).First();

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
