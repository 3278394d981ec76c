using Microsoft.Extensions.Time.Testing;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Notifications;
using SocialMonitor.Core.Rules;
using SocialMonitor.Tests.Support;

namespace SocialMonitor.Tests.Notifications;

public sealed class EmailComposerTests
{
    private static readonly Finding s_finding = new()
    {
        Id = "0123456789abcdef0123456789abcdef",
        Rule = "pii.phone",
        Severity = "high",
        Location = "hayden",
        Account = "cln-hayden-fb",
        Platform = "facebook",
        ItemId = "104_1",
        Permalink = "https://www.facebook.com/104/posts/1?comment_id=2&access_token=EAAsecret",
        Clause = "Privacy of members and staff",
        Evidence = "<script>alert(1)</script> call me at 208-555-0199",
        Explanation = "A guest comment shows a private person's phone number.",
        Source = "guest comment",
        FirstSeen = new DateTimeOffset(2026, 10, 15, 18, 0, 0, TimeSpan.Zero),
        LastSeen = new DateTimeOffset(2026, 10, 15, 18, 0, 0, TimeSpan.Zero),
    };

    private static readonly Person s_sam = new() { Name = "Sam Lee", Email = "sam.lee@example.org" };
    private static readonly Person s_jordan = new() { Name = "Jordan Avery", Email = "coordinator@example.org" };
    private static readonly Dictionary<string, string> s_names = new() { ["hayden"] = "Hayden", ["athol"] = "Athol" };

    [Fact]
    public void Immediate_ScriptAndPhoneInEvidence_EscapedInHtmlAndMaskedInBothParts()
    {
        var email = CreateSut().Immediate(s_sam, [s_finding], s_names);

        Assert.DoesNotContain("<script", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("555-0199", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("555-0199", email.Text, StringComparison.Ordinal);
        Assert.Contains("(***) ***-**99", email.Html, StringComparison.Ordinal);
        Assert.Contains("(***) ***-**99", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Immediate_Finding_LinksToTheFindingsScreenOnThePage()
    {
        var email = CreateSut().Immediate(s_sam, [s_finding], s_names);

        Assert.Contains($"Open the finding: https://monitor.example.org/findings/{s_finding.Id}", email.Text, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"https://monitor.example.org/findings/{s_finding.Id}\">Open the finding</a>", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/findings", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Immediate_Finding_SubjectInWordsWithLocationAndSeverityAndBodySaysWhatToDoAndWhomToReply()
    {
        var email = CreateSut().Immediate(s_sam, [s_finding], s_names, s_jordan);

        Assert.Equal("[SocialMonitor] Hayden, high: A phone number in a guest comment", email.Subject);
        Assert.Equal(EmailIds.For("sam.lee@example.org", EmailKinds.Immediate, [s_finding.Id]), email.Id);
        Assert.Equal(s_jordan, email.ReplyTo);
        foreach (var part in new[] { email.Text, email.Html })
        {
            Assert.DoesNotContain("pii.phone", part, StringComparison.Ordinal);
            Assert.DoesNotContain("/api/findings", part, StringComparison.Ordinal);
            Assert.Contains("remove the post and repost without the number", part, StringComparison.Ordinal);
            Assert.Contains("reply to this email to tell the communication coordinator, Jordan Avery (coordinator@example.org)", part, StringComparison.Ordinal);
            Assert.Contains("socialmonitor findings list --status open", part, StringComparison.Ordinal);
            Assert.Contains("Privacy of members and staff", part, StringComparison.Ordinal);
            Assert.Contains("Guest comment on facebook (cln-hayden-fb)", part, StringComparison.Ordinal);
            Assert.Contains("8 business hours", part, StringComparison.Ordinal);
            Assert.Contains("Pacific Daylight Time", part, StringComparison.Ordinal);
            Assert.DoesNotContain("EAAsecret", part, StringComparison.Ordinal);
        }
        Assert.Contains("<a href=\"https://www.facebook.com/104/posts/1?comment_id=2&amp;access_token=***\">Open the post</a>", email.Html, StringComparison.Ordinal);
        Assert.Contains("width=device-width", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Immediate_EveryRuleId_SubjectSaysItInWordsWithoutTheRuleId()
    {
        foreach (var rule in RuleTexts.All)
        {
            var email = CreateSut().Immediate(s_sam, [s_finding with { Rule = rule.Id, Severity = "medium" }], s_names);

            Assert.Equal($"[SocialMonitor] Hayden, medium: {rule.Title} in a guest comment", email.Subject);
            Assert.DoesNotContain(rule.Id, email.Subject + email.Text + email.Html, StringComparison.Ordinal);
            Assert.Contains(rule.Advice, email.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Immediate_BundleOfThree_OneEmailWithWorstInSubjectAndEachProblem()
    {
        Finding[] findings =
        [
            s_finding with { Id = "b1", Rule = "conduct.profanity", Severity = "medium", ItemId = "104_2" },
            s_finding,
            s_finding with { Id = "b3", Rule = "link-domain.unapproved", Severity = "medium", ItemId = "104_3" },
        ];

        var email = CreateSut().Immediate(s_sam, findings, s_names);

        Assert.Equal("[SocialMonitor] Hayden, high: A phone number in a guest comment and 2 more", email.Subject);
        Assert.Equal(3, email.Text.Split("\n  * ").Length - 1);
        Assert.StartsWith("SocialMonitor found 3 findings on the Hayden accounts", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Immediate_TwoProblemsOnOneItem_OneEntryWithBothBeneathIt()
    {
        var photo = s_finding with { Rule = "accessibility.alt-text", Severity = "low", Source = "official post", Evidence = "photo 1 of 2: alt text missing" };

        var email = CreateSut().Immediate(s_sam, [photo with { Id = "p1" }, photo with { Id = "p2", Evidence = "photo 2 of 2: alt text missing" }], s_names);

        Assert.Single(email.Text.Split("LOW - Official post on facebook (cln-hayden-fb)").Skip(1));
        Assert.Single(email.Text.Split("Post: https://").Skip(1));
        Assert.Equal(2, email.Text.Split("  * A photo without alt text (low)").Length - 1);
        Assert.True(email.Text.IndexOf("photo 1 of 2", StringComparison.Ordinal) < email.Text.IndexOf("photo 2 of 2", StringComparison.Ordinal));
    }

    [Fact]
    public void Immediate_ShortLinkResolvedElsewhere_QuotesTheTextAndShowsTheLinkOnceAndWhereItLeads()
    {
        var link = s_finding with
        {
            Rule = "link-domain.unapproved",
            Severity = "medium",
            Evidence = "https://bit.ly/cln-x, which leads to https://shop.example.com/sale",
            Quote = "…our sale is at »https://bit.ly/cln-x« today",
        };

        var email = CreateSut().Immediate(s_sam, [link], s_names);

        Assert.Single(email.Text.Split("https://bit.ly/cln-x").Skip(1));
        Assert.Contains("    Text: \"…our sale is at »https://bit.ly/cln-x« today\"\n", email.Text, StringComparison.Ordinal);
        Assert.Contains("    Leads to: https://shop.example.com/sale\n", email.Text, StringComparison.Ordinal);
        Assert.Contains("&ldquo;…our sale is at <mark>https://bit.ly/cln-x</mark> today&rdquo;", email.Html, StringComparison.Ordinal);
        Assert.DoesNotMatch(@" at \d", email.Text);
    }

    [Fact]
    public void Immediate_QuoteWithPersonalData_MaskedInBothParts()
    {
        var email = CreateSut().Immediate(s_sam, [s_finding with { Quote = "write to »jane.doe@gmail.com« or 208-555-0199" }], s_names);

        foreach (var part in new[] { email.Text, email.Html })
        {
            Assert.DoesNotContain("jane.doe@gmail.com", part, StringComparison.Ordinal);
            Assert.DoesNotContain("555-0199", part, StringComparison.Ordinal);
            Assert.Contains("j***@gmail.com", part, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Digest_Footer_SaysWhenTheNextDigestComesInTheLibrarysTimeZone()
    {
        var email = CreateSut().Digest(s_sam, [s_finding], s_names, s_jordan);

        // Thursday 11:00 in Los Angeles: Sam's next digest is Friday 8:00 local.
        Assert.Contains("Your next digest comes on Friday 16 October at 8:00 Pacific Daylight Time", email.Text, StringComparison.Ordinal);
        Assert.Contains("Critical and high findings come to you at once.", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Escalation_Finding_SaysWhatEscalationMeansAndWhenItWasDue()
    {
        var deadline = new DateTimeOffset(2026, 10, 16, 17, 0, 0, TimeSpan.Zero);

        var email = CreateSut().Escalation(s_jordan, s_finding, deadline, [s_sam], s_names);

        Assert.Equal("[SocialMonitor] Escalated - Hayden, high: A phone number in a guest comment, not acknowledged within 8 business hours", email.Subject);
        Assert.Contains("by 10:00 Pacific Daylight Time on Friday 16 October. Told at once when it was found: Sam Lee.", email.Text, StringComparison.Ordinal);
        Assert.Contains("Escalation means the people told at once did not take the finding up in time", email.Text, StringComparison.Ordinal);
        Assert.Contains("08:00 to 17:00 Pacific Daylight Time on business days", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Digest_SeveralLocations_SubjectHasPlacesCountAndWorstSeverityAndListsWorstFirst()
    {
        Finding[] findings =
        [
            s_finding with { Id = "a1", Severity = "low", Rule = "accessibility.alt-text" },
            s_finding with { Id = "a2", Severity = "medium", Rule = "conduct.profanity", Location = "athol" },
            s_finding with { Id = "a3", Severity = "low", Rule = "branding.stale" },
        ];

        var email = CreateSut().Digest(s_sam, findings, s_names);

        Assert.Equal("[SocialMonitor] Daily digest - Athol, Hayden: 3 findings, worst medium", email.Subject);
        Assert.True(email.Text.IndexOf("Profanity (medium)", StringComparison.Ordinal) < email.Text.IndexOf("A photo without alt text (low)", StringComparison.Ordinal));
        Assert.Equal(EmailIds.For(s_sam.Email, EmailKinds.Digest, ["a3", "a2", "a1"]), email.Id);
    }

    [Fact]
    public void Digest_MoreThanTheListLimit_ListsTheLimitAndCountsTheRest()
    {
        var findings = Enumerable.Range(0, EmailComposer.MaxListed + 7).Select(i => s_finding with { Id = $"f{i:D3}", Severity = "medium" }).ToList();

        var email = CreateSut().Digest(s_sam, findings, s_names);

        Assert.Contains($"{EmailComposer.MaxListed + 7} findings", email.Subject, StringComparison.Ordinal);
        Assert.Contains("7 more are not listed here", email.Text, StringComparison.Ordinal);
        Assert.Equal(EmailComposer.MaxListed, email.Text.Split("Finding: ").Length - 1);
    }

    [Fact]
    public void AsPossibleDuplicate_Email_MarksSubjectAndBothPartsOnce()
    {
        var email = CreateSut().Immediate(s_sam, [s_finding], s_names);

        var marked = EmailComposer.AsPossibleDuplicate(EmailComposer.AsPossibleDuplicate(email));

        Assert.Equal("[Possible duplicate] " + email.Subject, marked.Subject);
        Assert.StartsWith("Possible duplicate:", marked.Text, StringComparison.Ordinal);
        Assert.Single(marked.Html.Split("Possible duplicate:").Skip(1));
        Assert.Equal(email.Id, marked.Id);
    }

    private static EmailComposer CreateSut()
    {
        var policy = TestPolicy.Default;
        return new(policy, new BusinessCalendar(policy), new PersonalDataMasker(policy), new FakeTimeProvider(new DateTimeOffset(2026, 10, 15, 18, 0, 0, TimeSpan.Zero)),
            Microsoft.Extensions.Options.Options.Create(new SocialMonitor.Core.Api.ApiOptions { PublicUrl = "https://monitor.example.org" }));
    }
}
