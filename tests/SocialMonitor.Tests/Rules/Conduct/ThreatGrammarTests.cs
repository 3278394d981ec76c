using SocialMonitor.Core.Rules.Conduct;

namespace SocialMonitor.Tests.Rules.Conduct;

/// <summary>The threat grammar (issue 19): subject, modal or future, harm verb, target; veiled, wished, incited, reported.</summary>
public sealed class ThreatGrammarTests
{
    [Theory]
    [InlineData("I'm going to stab the librarian at Hayden tomorrow.")]
    [InlineData("We will burn the library down tonight.")]
    [InlineData("Somebody should shoot that presenter when he comes back.")]
    [InlineData("Someone ought to beat him senseless after the meeting.")]
    [InlineData("The board members should be strung up from the nearest tree.")]
    [InlineData("Let's burn the place down, who's with me?")]
    [InlineData("Bring your guns to Tuesday's meeting and make them pay.")]
    [InlineData("That director deserves a bullet.")]
    public void Evaluate_FutureModalWishedOrIncitedHarm_IsThreat(string text) =>
        Assert.Contains(ConductRule.Threat, ConductText.Rules(text));

    [Theory]
    [InlineData("He told me he would kill the clerk if she fined him again.")]
    [InlineData("My neighbour said she'd torch the branch this weekend.")]
    public void Evaluate_ReportedThreat_IsStillAFinding(string text) =>
        Assert.Contains(ConductRule.Threat, ConductText.Rules(text));

    [Theory]
    [InlineData("I know where you live, and I know what you drive.")]
    [InlineData("Nice car you have there, manager. Be a shame if something happened to it.")]
    [InlineData("Keep it up and we'll pay you a visit.")]
    public void Evaluate_VeiledThreat_IsThreat(string text) =>
        Assert.Contains(ConductRule.Threat, ConductText.Rules(text));

    [Theory]
    [InlineData("I would never hurt anyone at the library.")]
    [InlineData("I'd never stab anybody, I just want the hours back.")]
    [InlineData("This plot twist is going to kill me.")]
    [InlineData("Kill the levy before it kills us with taxes.")]
    [InlineData("Our team will crush the trivia night competition.")]
    [InlineData("The villain's threat \"I know where you live\" gave me chills, what a thriller.")]
    [InlineData("The director should resign and the board should be voted out in May.")]
    public void Evaluate_NegationIdiomFictionOrCriticism_IsNoThreat(string text) =>
        Assert.DoesNotContain(ConductRule.Threat, ConductText.Rules(text));
}
