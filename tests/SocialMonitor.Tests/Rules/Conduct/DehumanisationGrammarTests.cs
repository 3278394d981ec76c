using SocialMonitor.Core.Rules.Conduct;

namespace SocialMonitor.Tests.Rules.Conduct;

/// <summary>The dehumanisation grammar (issue 19): a group named, a copula or comparison, a dehumanising term; not belonging, deserving harm.</summary>
public sealed class DehumanisationGrammarTests
{
    [Theory]
    [InlineData("Immigrants are vermin and should be sent away.")]
    [InlineData("Muslims are like a disease spreading through this town.")]
    [InlineData("Mexicans are nothing but animals.")]
    [InlineData("Jews control the board. They are parasites.")]
    [InlineData("Gay people don't belong in this county.")]
    [InlineData("Refugees deserve to suffer for coming here.")]
    [InlineData("Los inmigrantes son una plaga.")]
    public void Evaluate_GroupLikenedOrExcluded_IsHate(string text) =>
        Assert.Contains(ConductRule.Hate, ConductText.Rules(text));

    [Theory]
    [InlineData("Immigrants are not animals, they are our neighbours.")]
    [InlineData("The history talk showed how newspapers called immigrants vermin.")]
    [InlineData("We had rats in the basement again, please call pest control.")]
    [InlineData("Our Muslim neighbours brought food for the whole street.")]
    [InlineData("The book shows how \"vermin\" was used about Jews in the 1930s.")]
    public void Evaluate_NegatedReportedOrNoGroup_IsNoHate(string text) =>
        Assert.DoesNotContain(ConductRule.Hate, ConductText.Rules(text));
}
