using SocialMonitor.Core.Rules.Conduct;

namespace SocialMonitor.Tests.Rules.Conduct;

/// <summary>
/// Personal attacks on an identifiable person and harassment of another commenter (issue 19), against criticism of
/// decisions, the library and public officials, which stays allowed.
/// </summary>
public sealed class PersonalAttackGrammarTests
{
    [Theory]
    [InlineData("The presenter on Tuesday is a useless idiot.")]
    [InlineData("The storyteller looks like a troll.")]
    [InlineData("Jenna at the front desk is a lazy moron.")]
    [InlineData("The new clerk is such a creep.")]
    [InlineData("El bibliotecario es un idiota.")]
    public void Evaluate_InsultSaidOfAnIdentifiablePerson_IsHarassment(string text) =>
        Assert.Contains(ConductRule.Harassment, ConductText.Rules(text));

    [Theory]
    [InlineData("Kelsey, you're a pathetic liar.")]
    [InlineData("Nobody cares what you think, Dave.")]
    [InlineData("Take your meds, Sharon.")]
    [InlineData("Ignore Marcy, she's a brainless troll.")]
    public void Evaluate_HarassmentOfAnotherCommenter_IsHarassment(string text) =>
        Assert.Contains(ConductRule.Harassment, ConductText.Rules(text));

    [Theory]
    [InlineData("The board is a bunch of clowns.")]
    [InlineData("The mayor is an idiot for cutting the budget.")]
    [InlineData("The new hours are stupid and whoever decided them should rethink it.")]
    [InlineData("The director's decision was a terrible one.")]
    [InlineData("The villain in the novel is a worthless coward.")]
    [InlineData("Dana, I think you're wrong about the fines, but thanks for explaining.")]
    public void Evaluate_CriticismOfDecisionsOfficialsOrFiction_IsNoHarassment(string text) =>
        Assert.DoesNotContain(ConductRule.Harassment, ConductText.Rules(text));
}
