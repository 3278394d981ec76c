using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Review;
using SocialMonitor.Core.Rules;
using SocialMonitor.Core.Rules.Governance;
using SocialMonitor.Tests.Rules.Governance;
using static SocialMonitor.Tests.Rules.Governance.GovernanceItems;

namespace SocialMonitor.Tests.Review;

public sealed class AccountReviewItemTests
{
    [Fact]
    public void For_Account_KindAccountIdTheRegistryIdWithLastOfficialPostAndTheProfileFactsUnderTheirNames()
    {
        var record = new ReviewRecord
        {
            Profile = Profile(("name", "Community Library Network - Hayden"), ("website", "https://communitylibrary.net/hayden")),
            LastOfficialPostAt = new DateTimeOffset(2026, 10, 14, 9, 30, 0, TimeSpan.FromHours(-7)),
        };

        var item = AccountReviewItem.For(Facebook, Today, Coordinator, record, Capabilities(roles: true, apps: true), [Facebook]);

        Assert.Equal((ItemKinds.Account, "cln-hayden-fb", "cln-hayden-fb", "facebook"), (item.Kind, item.Id, item.Account, item.Platform));
        Assert.Equal("2026-10-14T16:30:00Z", item.Facts![AccountFacts.LastOfficialPostAt]);
        Assert.Equal("Community Library Network - Hayden", item.Facts["name"]);
        Assert.Equal("https://communitylibrary.net/hayden", item.Facts["website"]);
        Assert.Equal("groups", item.Facts[AccountFacts.CannotVerify]);
    }

    [Fact]
    public void For_AccountWithNothingStored_NoLastOfficialPost()
    {
        var item = AccountReviewItem.For(X, Today, null, new ReviewRecord(), Capabilities(roles: false, apps: false), [X]);

        Assert.False(item.Facts!.ContainsKey(AccountFacts.LastOfficialPostAt));
        Assert.Equal("roles, apps, groups", item.Facts[AccountFacts.CannotVerify]);
    }

    [Fact]
    public void For_AccountWithNoPostStoredButPostsRead_NoOfficialPostSinceTheReadsFloor()
    {
        var record = new ReviewRecord { PostsReadSince = new DateTimeOffset(2026, 9, 1, 12, 0, 0, TimeSpan.Zero) };

        var item = AccountReviewItem.For(X, Today, null, record, Capabilities(roles: false, apps: false), [X]);

        Assert.Equal("2026-09-01T12:00:00Z", item.Facts![ProfileFacts.NoOfficialPostSince]);
        Assert.False(item.Facts.ContainsKey(AccountFacts.LastOfficialPostAt));
        // A known last post is the fact; the reads' floor is then not given.
        var posted = AccountReviewItem.For(X, Today, null, record with { LastOfficialPostAt = record.PostsReadSince.Value.AddDays(3) }, Capabilities(roles: false, apps: false), [X]);
        Assert.False(posted.Facts!.ContainsKey(ProfileFacts.NoOfficialPostSince));
    }

    [Fact]
    public void For_Account_OnlyGovernanceRulesFireOnIt()
    {
        using var provider = new ServiceCollection().AddStarterRules().BuildServiceProvider();
        var item = ReviewItem(new ReviewRecord
        {
            Profile = Profile(("phone", "(208) 555-0199"), ("about", "Shit, call 208-555-0199 or visit https://bit.ly/x. Venmo me!")),
            Roles = [Role("1000000000105", "Alex Rivera", "CREATE_CONTENT")],
            RolesRead = "read",
        });

        var detections = provider.GetRequiredService<RuleSet>().Evaluate(item, Context());

        Assert.NotEmpty(detections);
        Assert.All(detections, d => Assert.Equal("governance", d.Family));
    }
}
