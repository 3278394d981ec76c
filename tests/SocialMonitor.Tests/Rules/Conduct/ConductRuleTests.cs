using SocialMonitor.Core.Items;
using SocialMonitor.Core.Rules;
using SocialMonitor.Core.Rules.Conduct;
using SocialMonitor.Tests.Support;

namespace SocialMonitor.Tests.Rules.Conduct;

public sealed class ConductRuleTests
{
    private static readonly ConductRule Rule = new();

    private static List<Detection> Evaluate(string text, string origin = ItemOrigins.Guest) => ConductText.Detections(text, origin);

    [Fact]
    public void Evaluate_Profanity_ReturnsDetectionWithTermOffsetAndExplanation()
    {
        var detection = Assert.Single(Evaluate("The wifi is down again, Shit."));

        Assert.Equal("conduct.profanity", detection.Rule);
        Assert.Equal("conduct", detection.Family);
        Assert.Equal(Severities.Medium, detection.Severity);
        Assert.Equal(Clauses.RulesOfConduct, detection.Clause);
        Assert.Equal("'Shit'", detection.Evidence);
        Assert.Equal((24, 4), (detection.Offset, detection.Length));
        Assert.Equal("shit", detection.EvidenceKey);
        Assert.Equal("Guest comments follow the Rules of Conduct; this one uses profanity ('shit').", detection.Explanation);
    }

    [Theory]
    [InlineData("sh1t, forgot my books", "shit")]
    [InlineData("a$$hole parked across three spots", "asshole")]
    [InlineData("F.U.C.K. this construction", "fuck")]
    [InlineData("s h i t, my card is at home", "shit")]
    [InlineData("f\u200bu\u200bck the fines", "fuck")]
    [InlineData("who the fuuuuck moved storytime", "fuck")]
    [InlineData("f\u00fcck yeah", "fuck")]
    [InlineData("\uff26\uff55\uff43\uff4b this weather", "fuck")]
    [InlineData("Sh\u0456t, the lot is full", "shit")]
    [InlineData("what a clusterfuck", "fuck")]
    [InlineData("b1tch's bells", "bitch")]
    [InlineData("fck this", "fck")]
    public void Evaluate_DisguisedProfanity_IsFoundAsItsTerm(string text, string term) =>
        Assert.Equal([term], Evaluate(text).Where(d => d.Rule == ConductRule.Profanity).Select(d => d.EvidenceKey));

    [Theory]
    [InlineData("Scunthorpe library visit")]
    [InlineData("Reading Moby-Dick and Philip K. Dick this month")]
    [InlineData("Hiked Hells Canyon, then class assessment and a cocktail book")]
    [InlineData("Graduated summa cum laude; my Maine Coon approves")]
    [InlineData("Snigger all you want, the kids niggle me for more dinosaur books")]
    [InlineData("Therapist-led workshop; shiitake kits; our bassist cancelled")]
    [InlineData("The Negro Leagues exhibit and a chink in the armor")]
    [InlineData("")]
    public void Evaluate_ScunthorpeWordsTitlesAndNames_ReturnsNothing(string text) => Assert.Empty(Evaluate(text));

    [Theory]
    [InlineData("Closing the Athol branch on Saturdays is a terrible decision.")]
    [InlineData("This policy is stupid and you know it.")]
    [InlineData("Your new website is useless. I can't find anything.")]
    [InlineData("The board is a bunch of clowns.")]
    [InlineData("Whoever decided to remove the DVDs should be fired.")]
    [InlineData("This decision will kill the Harrison branch.")]
    [InlineData("Anyone who supports this levy is an idiot.")]
    [InlineData("Why is there porn on the computers in the kids' area?? Disgusting.")]
    public void Evaluate_CriticismOfTheLibrary_ReturnsNothing(string text) => Assert.Empty(Evaluate(text));

    [Theory]
    [InlineData("You're an idiot if you think that works.", "idiot")]
    [InlineData("u r a pathetic loser lol", "pathetic")]
    [InlineData("What a moron you are, Jeff.", "moron")]
    [InlineData("Are you stupid? The sign said closed.", "stupid")]
    [InlineData("Nobody likes you, Karen.", "nobody likes you")]
    public void Evaluate_InsultAimedAtTheReader_IsHarassment(string text, string key)
    {
        var detection = Assert.Single(Evaluate(text), d => d.Rule == ConductRule.Harassment);

        Assert.Equal(key, detection.EvidenceKey);
        Assert.Equal(Severities.High, detection.Severity);
    }

    [Fact]
    public void Evaluate_ProfaneInsultAimedAtTheReader_IsProfanityAndHarassment() =>
        Assert.Equal([ConductRule.Profanity, ConductRule.Harassment], Evaluate("Listen here you little bitch").Select(d => d.Rule));

    [Theory]
    [InlineData("I'm going to kill you when I see you at the library tomorrow", "kill")]
    [InlineData("Someone should shoot the director for this.", "shoot")]
    [InlineData("Kill all the staff at Post Falls", "kill")]
    [InlineData("Watch your back, librarian.", "watch your back")]
    [InlineData("I'm gonna k1ll you", "kill")]
    [InlineData("I hope the whole building burns down", "burns down")]
    [InlineData("Someone needs to teach that librarian a lesson she won't forget", "lesson she won't forget")]
    public void Evaluate_ViolentVerbWithIntentAndTarget_IsACriticalThreat(string text, string key)
    {
        var detection = Assert.Single(Evaluate(text), d => d.Rule == ConductRule.Threat);

        Assert.Equal(key, detection.EvidenceKey);
        Assert.Equal(Severities.Critical, detection.Severity);
    }

    [Theory]
    [InlineData("To Kill a Mockingbird discussion tomorrow night at 7")]
    [InlineData("Murder mystery dinner at the Hayden branch this Friday!")]
    [InlineData("I'm going to kill it at the spelling bee tomorrow!")]
    [InlineData("The teens are going to blow up the balloon arch tomorrow morning!")]
    [InlineData("If the levy fails, it'll kill our library.")]
    [InlineData("Shoot us a message if you have questions!")]
    public void Evaluate_ViolentWordsInTitlesAndIdioms_AreNoThreat(string text) =>
        Assert.DoesNotContain(Evaluate(text), d => d.Rule == ConductRule.Threat);

    [Theory]
    [InlineData("Heil Hitler, this library is a commie nest", "heil hitler")]
    [InlineData("Stop hiring n1ggers", "nigger")]
    [InlineData("Go back to your country", "go back to your country")]
    public void Evaluate_SlurOrHatePhrase_IsCriticalHate(string text, string key) =>
        Assert.Equal((ConductRule.Hate, Severities.Critical, key), Evaluate(text).Select(d => (d.Rule, d.Severity, d.EvidenceKey)).Single());

    [Fact]
    public void Evaluate_SexualPhraseHoldingProfanity_IsSexualAndProfanity() =>
        Assert.Equal([(ConductRule.Sexual, "nice ass"), (ConductRule.Profanity, "ass")], Evaluate("Nice ass on the new guy").Select(d => (d.Rule, d.EvidenceKey)));

    [Theory]
    [InlineData("Bitcoin investment with guaranteed returns! Message me", "bitcoin investment")]
    [InlineData("I have 2 tickets for this event I can't use, DM me if interested!", "tickets + dm me")]
    public void Evaluate_Spam_IsOneDetectionPerItem(string text, string key) =>
        Assert.Equal(key, Assert.Single(Evaluate(text), d => d.Rule == ConductRule.Spam).EvidenceKey);

    [Theory]
    [InlineData("Raffle tickets are $5 at any branch desk.")]
    [InlineData("Share this post for a chance to win a signed copy!")]
    public void Evaluate_OneSpamSignal_IsNoSpam(string text) => Assert.Empty(Evaluate(text));

    [Fact]
    public void Evaluate_SameTermTwiceInAnyCase_CountsOnceAtFirstOffset()
    {
        var detection = Assert.Single(Evaluate("shit this, SHIT that"));

        Assert.Equal(("'shit'", 0), (detection.Evidence, detection.Offset));
    }

    [Fact]
    public void Evaluate_OfficialPost_SaysOfficialInExplanation() =>
        Assert.StartsWith("Official posts follow", Assert.Single(Evaluate("oh shit", ItemOrigins.Official)).Explanation, StringComparison.Ordinal);

    [Fact]
    public void Evaluate_PolicySeverityOverride_IsUsed()
    {
        var policy = ShippedPolicy.Value with { Severities = new Dictionary<string, string> { ["conduct.profanity"] = Severities.Low } };

        var detection = Assert.Single(Rule.Evaluate(new Item { Id = "c1", Text = "shit" }, new RuleContext(DateTimeOffset.UnixEpoch, policy)));

        Assert.Equal(Severities.Low, detection.Severity);
    }

    [Fact]
    public void Evaluate_PolicyWithoutLists_ReturnsNothing() =>
        Assert.Empty(Rule.Evaluate(new Item { Id = "c1", Text = "shit you idiot" }, new RuleContext(DateTimeOffset.UnixEpoch, TestPolicy.Default)));

    [Fact]
    public void LexiconFor_SamePolicyTwice_CompilesOnceAndAnotherPolicyAgain()
    {
        var other = ShippedPolicy.Value with { };

        Assert.Same(ConductRule.LexiconFor(ShippedPolicy.Value), ConductRule.LexiconFor(ShippedPolicy.Value));
        Assert.NotSame(ConductRule.LexiconFor(ShippedPolicy.Value), ConductRule.LexiconFor(other));
    }
}
