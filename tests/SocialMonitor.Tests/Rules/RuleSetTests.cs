using SocialMonitor.Core.Items;
using SocialMonitor.Core.Rules;
using SocialMonitor.Tests.Support;

namespace SocialMonitor.Tests.Rules;

public sealed class RuleSetTests
{
    [Fact]
    public void Evaluate_ARuleOfOneKind_IsCalledOnlyForItemsOfThatKind_TheOthersForEvery()
    {
        var account = new CountingRule(ItemKinds.Account);
        var every = new CountingRule(null);
        var rules = new RuleSet([account, every]);
        var context = new RuleContext(DateTimeOffset.UnixEpoch, ShippedPolicy.Value);

        var onComment = rules.Evaluate(Item(ItemKinds.Comment), context);
        var onAccount = rules.Evaluate(Item(ItemKinds.Account), context);

        Assert.Equal((1, 2), (account.Calls, every.Calls));
        Assert.Equal(["test.every"], onComment.Select(d => d.Rule));
        Assert.Equal(["test.account", "test.every"], onAccount.Select(d => d.Rule));
    }

    private static Item Item(string kind) => new()
    {
        Id = "i1", Platform = "facebook", Account = "cln-hayden-fb", Kind = kind, Origin = ItemOrigins.Official, Text = "",
    };

    /// <summary>A rule that fires on every item it is called for and counts the calls.</summary>
    private sealed class CountingRule(string? kind) : IRule
    {
        public int Calls { get; private set; }

        public string Family => "test";

        public string? Kind => kind;

        public IEnumerable<Detection> Evaluate(Item item, RuleContext context)
        {
            Calls++;
            return [new Detection($"test.{kind?.ToLowerInvariant() ?? "every"}", Severities.Low, "test", "evidence", "key", "why")];
        }
    }
}
