using SocialMonitor.Core.Items;
using SocialMonitor.Core.Rules;
using SocialMonitor.Core.Rules.Conduct;
using SocialMonitor.Tests.Support;

namespace SocialMonitor.Tests.Rules.Conduct;

public sealed class ProfanityRuleTests
{
    private static readonly RuleContext Context = new(new DateTimeOffset(2026, 10, 2, 15, 0, 0, TimeSpan.Zero), TestPolicy.Default);
    private static readonly ProfanityRule Rule = new();

    private static List<Detection> Evaluate(string text, string origin = ItemOrigins.Guest) =>
        [.. Rule.Evaluate(new Item { Id = "c1", Text = text, Origin = origin }, Context)];

    [Fact]
    public void Evaluate_Profanity_ReturnsDetectionWithTermOffsetAndExplanation()
    {
        var detection = Assert.Single(Evaluate("The wifi is down again, Damn it."));

        Assert.Equal("conduct.profanity", detection.Rule);
        Assert.Equal("conduct", detection.Family);
        Assert.Equal(Severities.Medium, detection.Severity);
        Assert.Equal(Clauses.RulesOfConduct, detection.Clause);
        Assert.Equal("'Damn' at 24", detection.Evidence);
        Assert.Equal("damn", detection.EvidenceKey);
        Assert.Equal("Guest comments follow the Rules of Conduct; this one uses profanity ('damn').", detection.Explanation);
    }

    [Theory]
    [InlineData("what the hell", "hell")]
    [InlineData("this is CRAP!", "crap")]
    [InlineData("shit happens", "shit")]
    [InlineData("fucking parking", "fucking")]
    [InlineData("you bastards", "bastards")]
    [InlineData("what an ass.", "ass")]
    [InlineData("(asshole)", "asshole")]
    [InlineData("stop bitching", "bitching")]
    [InlineData("damned printers", "damned")]
    [InlineData("hell's bells", "hell")]
    public void Evaluate_ListedTermOrForm_IsAHit(string text, string term) =>
        Assert.Equal([term], Evaluate(text).Select(d => d.EvidenceKey));

    [Theory]
    [InlineData("hello there")]
    [InlineData("a shell collection")]
    [InlineData("Scunthorpe library visit")]
    [InlineData("the class will assess")]
    [InlineData("Lillian Hellman reading")]
    [InlineData("Passage to India, a classic; bassist and embassy")]
    [InlineData("scrappy shitake? no: shiitake; Dickens' Bleak House")]
    [InlineData("Thanks for the great storytime!")]
    [InlineData("")]
    public void Evaluate_InnocentWords_ReturnsNothing(string text) => Assert.Empty(Evaluate(text));

    [Fact]
    public void Evaluate_SameTermTwiceInAnyCase_CountsOnceAtFirstOffset()
    {
        var detection = Assert.Single(Evaluate("damn this, DAMN that"));

        Assert.Equal("'damn' at 0", detection.Evidence);
    }

    [Fact]
    public void Evaluate_TwoTerms_ReturnsOneEach() =>
        Assert.Equal(["hell", "crap"], Evaluate("hell no, this is crap, hell").Select(d => d.EvidenceKey));

    [Fact]
    public void Evaluate_OfficialPost_SaysOfficialInExplanation() =>
        Assert.StartsWith("Official posts follow", Assert.Single(Evaluate("oh hell", ItemOrigins.Official)).Explanation, StringComparison.Ordinal);
}
