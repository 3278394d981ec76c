using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Review;
using SocialMonitor.Core.Rules.Governance;
using static SocialMonitor.Tests.Rules.Governance.GovernanceItems;

namespace SocialMonitor.Tests.Rules.Governance;

public sealed class ManagersRuleTests
{
    private static readonly ManagersRule s_rule = new();

    private static Location WithManagers(int count) =>
        new("bookmobile", "Bookmobile", [.. Enumerable.Range(1, count).Select(i => new Person { Name = $"M{i}", Email = $"m{i}@example.org" })]);

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Evaluate_LocationWithNoneOrMoreThanThreeManagers_Raises(int count)
    {
        var item = AccountReviewItem.For(WithManagers(count), Today);

        var detection = Assert.Single(s_rule.Evaluate(item, Context()));

        Assert.Equal((ManagersRule.Rule, "medium", "managers"), (detection.Rule, detection.Severity, detection.EvidenceKey));
        Assert.Equal($"Bookmobile has {count} account managers", detection.Evidence);
        Assert.Equal(("registry", "bookmobile"), (item.Platform, item.Id)); // The finding the accounts import used to raise: the same id.
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Evaluate_OneToThreeManagers_Quiet(int count)
    {
        Assert.Empty(s_rule.Evaluate(AccountReviewItem.For(WithManagers(count), Today), Context()));
    }

    [Fact]
    public void Evaluate_AccountItem_RaisesNothing()
    {
        Assert.Empty(s_rule.Evaluate(ReviewItem(), Context()));
    }
}
