using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Api;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Notifications;
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
        FirstSeen = new DateTimeOffset(2026, 10, 15, 18, 0, 0, TimeSpan.Zero),
        LastSeen = new DateTimeOffset(2026, 10, 15, 18, 0, 0, TimeSpan.Zero),
    };

    private static readonly Person s_sam = new() { Name = "Sam Lee", Email = "sam.lee@example.org" };
    private static readonly Dictionary<string, string> s_names = new() { ["hayden"] = "Hayden", ["athol"] = "Athol" };

    [Fact]
    public void Immediate_ScriptAndPhoneInEvidence_EscapedInHtmlAndMaskedInBothParts()
    {
        var email = CreateSut().Immediate(s_sam, s_finding, s_names);

        Assert.DoesNotContain("<script", email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("555-0199", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("555-0199", email.Text, StringComparison.Ordinal);
        Assert.Contains("(***) ***-**99", email.Html, StringComparison.Ordinal);
        Assert.Contains("(***) ***-**99", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Immediate_Finding_SubjectNamesLocationCountSeverityAndBodyLinksPostAndFinding()
    {
        var email = CreateSut().Immediate(s_sam, s_finding, s_names);

        Assert.Equal("[SocialMonitor] Hayden: 1 finding, high - pii.phone", email.Subject);
        Assert.Equal(EmailIds.For("sam.lee@example.org", EmailKinds.Immediate, [s_finding.Id]), email.Id);
        foreach (var part in new[] { email.Text, email.Html })
        {
            Assert.Contains("https://monitor.example.org/api/findings/0123456789abcdef0123456789abcdef", part, StringComparison.Ordinal);
            Assert.Contains("pii.phone", part, StringComparison.Ordinal);
            Assert.Contains("Privacy of members and staff", part, StringComparison.Ordinal);
            Assert.Contains("facebook (cln-hayden-fb)", part, StringComparison.Ordinal);
            Assert.Contains("8 business hours", part, StringComparison.Ordinal);
            Assert.DoesNotContain("EAAsecret", part, StringComparison.Ordinal);
        }
        Assert.Contains("<a href=\"https://www.facebook.com/104/posts/1?comment_id=2&amp;access_token=***\">Open the post</a>", email.Html, StringComparison.Ordinal);
        Assert.Contains("width=device-width", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Immediate_PermalinkNotHttp_IsShownButNeverALink()
    {
        var email = CreateSut().Immediate(s_sam, s_finding with { Permalink = "javascript:alert(1)" }, s_names);

        Assert.DoesNotContain("href=\"javascript", email.Html, StringComparison.Ordinal);
        Assert.Contains("Post: javascript:alert(1)", email.Text, StringComparison.Ordinal);
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
        Assert.True(email.Text.IndexOf("conduct.profanity", StringComparison.Ordinal) < email.Text.IndexOf("accessibility.alt-text", StringComparison.Ordinal));
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
        var email = CreateSut().Immediate(s_sam, s_finding, s_names);

        var marked = EmailComposer.AsPossibleDuplicate(EmailComposer.AsPossibleDuplicate(email));

        Assert.Equal("[Possible duplicate] " + email.Subject, marked.Subject);
        Assert.StartsWith("Possible duplicate:", marked.Text, StringComparison.Ordinal);
        Assert.Single(marked.Html.Split("Possible duplicate:").Skip(1));
        Assert.Equal(email.Id, marked.Id);
    }

    private static EmailComposer CreateSut()
    {
        var policy = TestPolicy.Default;
        return new(Options.Create(new ApiOptions { PublicUrl = "https://monitor.example.org/" }), policy, new BusinessCalendar(policy),
            new PersonalDataMasker(policy), new FakeTimeProvider(new DateTimeOffset(2026, 10, 15, 18, 0, 0, TimeSpan.Zero)));
    }
}
