using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Rules;

namespace SocialMonitor.Tests.Findings;

public sealed class FindingCreateTests
{
    private static readonly DateTimeOffset s_seen = new(2026, 10, 15, 18, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_Detection_IdIsTheStableHashOfPlatformItemRuleAndEvidenceKey()
    {
        var detection = new Detection("link-domain.unapproved", Severities.Medium, Clauses.LinkingToExternalWebsites, "https://bit.ly/x", "https://bit.ly/x", "Why.");

        var finding = Finding.Create(detection, "facebook", "1_2", "hayden", "cln-hayden-fb", s_seen, "v1", "https://facebook.com/1_2");

        Assert.Equal(FindingIds.For("facebook", "1_2", "link-domain.unapproved", "https://bit.ly/x"), finding.Id);
        Assert.Equal(
            ("link-domain.unapproved", Severities.Medium, "hayden", "cln-hayden-fb", "facebook", "1_2", "v1", "https://facebook.com/1_2"),
            (finding.Rule, finding.Severity, finding.Location, finding.Account, finding.Platform, finding.ItemId, finding.ItemVersion, finding.Permalink));
        Assert.Equal((Clauses.LinkingToExternalWebsites, "https://bit.ly/x", "Why."), (finding.Clause, finding.Evidence, finding.Explanation));
        Assert.Equal((FindingStatuses.Open, s_seen, s_seen), (finding.Status, finding.FirstSeen, finding.LastSeen));
        Assert.Null(finding.NotifyQueuedAt);
    }

    [Fact]
    public void Create_EvidenceDiffersButKeyIsTheSame_SameFinding()
    {
        var first = new Detection("pii.phone", Severities.High, Clauses.Privacy, "(208) 555-01•• at 4", "2085550199", "Why.");

        Assert.Equal(
            Finding.Create(first, "facebook", "1_2", "hayden", null, s_seen).Id,
            Finding.Create(first with { Evidence = "(208) 555-01•• at 9" }, "facebook", "1_2", "hayden", null, s_seen.AddHours(1)).Id);
    }
}
