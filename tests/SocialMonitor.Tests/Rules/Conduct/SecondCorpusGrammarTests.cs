using SocialMonitor.Core.Items;
using SocialMonitor.Core.Rules;
using SocialMonitor.Core.Rules.Conduct;
using SocialMonitor.Core.Rules.PersonalGain;
using SocialMonitor.Tests.Support;

namespace SocialMonitor.Tests.Rules.Conduct;

/// <summary>
/// What the second blind corpus (issue 19) taught the rules, in phrasings of their own: passive wishes of harm, insults
/// to a person addressed by name, one unknown word between "you" and the insult, <c>$</c> as a mask, staff members'
/// own businesses named by the page.
/// </summary>
public sealed class SecondCorpusGrammarTests
{
    [Theory]
    [InlineData("The people running the drag storytime should be run over in the parking lot.")]
    [InlineData("Whoever booked that author needs to get lynched, honestly.")]
    [InlineData("Those presenters deserve to be beaten after the meeting.")]
    public void Evaluate_PassiveWishOfHarm_IsThreat(string text) =>
        Assert.Contains(ConductRule.Threat, ConductText.Rules(text));

    [Theory]
    [InlineData("The record will be beaten this summer, keep reading!")]
    [InlineData("You should get your library card renewed this week.")]
    [InlineData("Our artwork will be hung in the Hayden branch on Friday.")]
    public void Evaluate_PassiveWithoutHarm_IsNoThreat(string text) =>
        Assert.DoesNotContain(ConductRule.Threat, ConductText.Rules(text));

    [Theory]
    [InlineData("We know where she lives. Everyone does.")]
    [InlineData("Storytime volunteers better watch their backs around here.")]
    [InlineData("That speaker won't leave alive if he comes to Athol.")]
    [InlineData("You've been warned, library board.")]
    [InlineData("Si vuelve ese presentador lo vamos a esperar afuera.")]
    public void Evaluate_VeiledThreatPhrasings_AreThreats(string text) =>
        Assert.Contains(ConductRule.Threat, ConductText.Rules(text));

    [Theory]
    [InlineData("Hey Brenda, you absolute clown, nobody asked.")]
    [InlineData("@MarkT what a slimy little leech, go away")]
    [InlineData("Shut up Dwayne you inbred hick")]
    [InlineData("Ricky ur a washed up loser")]
    public void Evaluate_InsultToSomeoneAddressed_IsHarassment(string text) =>
        Assert.Contains(ConductRule.Harassment, ConductText.Rules(text));

    [Theory]
    [InlineData("Hey Brenda, the new hours are stupid and the parking is a joke.")]
    [InlineData("@MarkT the levy vote was pathetic, the board should listen.")]
    [InlineData("Marcia, thanks for the kind words about storytime!")]
    public void Evaluate_CriticismToSomeoneAddressed_IsNoHarassment(string text) =>
        Assert.DoesNotContain(ConductRule.Harassment, ConductText.Rules(text));

    [Theory]
    [InlineData("this wifi is a$$", "ass")]
    [InlineData("kiss my a$$ library board", "ass")]
    public void Evaluate_DollarMask_IsProfanity(string text, string term) =>
        Assert.Contains(ConductText.Detections(text), d => d.Rule == ConductRule.Profanity && d.EvidenceKey == term);

    [Fact]
    public void Evaluate_PriceAndCashtagLookalikes_AreNoProfanity() =>
        Assert.DoesNotContain(ConductRule.Profanity, ConductText.Rules("Tickets are US$5 or $10 at the door, cash only"));

    [Theory]
    [InlineData("Congrats to our Rathdrum staffer Maria on her new cookbook, order from her website!")]
    [InlineData("Our IT tech Sam fixes computers on weekends too, call him at 555-0100")]
    [InlineData("Thanks! I also tutor algebra on the side, $30 a session, DM me")]
    public void Evaluate_StaffMembersOwnBusinessInAnOfficialPost_IsPersonalGain(string text)
    {
        var rule = new PersonalGainRule();
        var item = new Item { Id = "o1", Text = text, Origin = ItemOrigins.Official };

        Assert.NotEmpty(rule.Evaluate(item, new RuleContext(DateTimeOffset.UnixEpoch, ShippedPolicy.Value)));
    }

    [Theory]
    [InlineData("Our librarian Dana will read her favourite picture book at storytime.")]
    [InlineData("The Friends of the Library book sale is Saturday, proceeds to the library.")]
    [InlineData("Yes, it's free for library card holders. Seats are limited to 12 per session.")]
    public void Evaluate_StaffInAnOfficialPostWithoutABusiness_IsNoPersonalGain(string text)
    {
        var rule = new PersonalGainRule();
        var item = new Item { Id = "o1", Text = text, Origin = ItemOrigins.Official };

        Assert.Empty(rule.Evaluate(item, new RuleContext(DateTimeOffset.UnixEpoch, ShippedPolicy.Value)));
    }
}
