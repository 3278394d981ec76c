using Microsoft.Extensions.Options;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Api;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Notifications;

namespace SocialMonitor.Tests.Notifications;

public sealed class EmailComposerTests
{
    private static readonly Finding s_finding = new()
    {
        Id = "0123456789abcdef0123456789abcdef",
        Rule = "conduct.profanity",
        Severity = "medium",
        Location = "hayden",
        Account = "cln-hayden-fb",
        Platform = "facebook",
        ItemId = "104_1",
        Permalink = "https://www.facebook.com/104/posts/1?comment_id=2",
        Clause = "Content and Engagement 2",
        Evidence = "'damn' at 4 <script>alert(1)</script>",
        Explanation = "Guest comments follow the Rules of Conduct.",
        FirstSeen = DateTimeOffset.UnixEpoch,
        LastSeen = DateTimeOffset.UnixEpoch,
    };

    private static readonly Location s_hayden = new("hayden", "Hayden", [new Person { Name = "Sam Lee", Email = "sam.lee@example.org" }]);

    [Fact]
    public void Compose_ValueFromPost_IsHtmlEncodedInHtmlAndKeptInText()
    {
        var email = CreateSut().Compose(s_finding, s_hayden, s_hayden.Managers);

        Assert.DoesNotContain("<script>", email.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", email.Html, StringComparison.Ordinal);
        Assert.Contains("<script>", email.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Finding_NamesLocationSeverityRuleAndLinksToFinding()
    {
        var email = CreateSut().Compose(s_finding, s_hayden, s_hayden.Managers);

        Assert.Equal("[SocialMonitor] Hayden: 1 finding (medium) - conduct.profanity", email.Subject);
        Assert.Contains("https://monitor.example.org/api/findings/0123456789abcdef0123456789abcdef", email.Text, StringComparison.Ordinal);
        Assert.Contains(s_finding.Permalink!, email.Html, StringComparison.Ordinal);
        Assert.Equal("hayden-0123456789abcdef", email.Id);
    }

    private static EmailComposer CreateSut() =>
        new(Options.Create(new ApiOptions { PublicUrl = "https://monitor.example.org/" }));
}
