using SocialMonitor.Core.Rules.Conduct;

namespace SocialMonitor.Tests.Rules.Conduct;

/// <summary>
/// What the third blind corpus taught the conduct rule, in phrasings of its own: a masked word read both ways and
/// unmasked for every list, an emoji as a mask, "=" as a copula, titles before names, insults pointed at someone
/// ("that idiot behind the counter") or said to someone by name, a staff office holder insulted, calls on anyone to do
/// harm, knowing where someone lives, fronted dehumanisation, and the look-alikes each of those must leave alone.
/// </summary>
public sealed class ThirdCorpusGrammarTests
{
    [Theory]
    [InlineData("that volunteer in Pinehurst is a b!tch, honestly")]
    [InlineData("tell that idiot behind the counter to smile once in a while")]
    [InlineData("look at this moron trying to explain the Dewey decimal system")]
    [InlineData("The clerk at the Athol desk = total moron")]
    [InlineData("Mr. Bird at Rathdrum is a moron")]
    [InlineData("The director is a spineless moron")]
    [InlineData("Just fuck off, Marcus.")]
    [InlineData("stfu Dennis, nobody asked")]
    [InlineData("Your taste in books is pathetic, just like you.")]
    [InlineData("I'll comment on every one of your posts until you quit.")]
    [InlineData("The guy who runs the Athol page has the brain of a goldfish")]
    [InlineData("you have the intelligence of a wet sock")]
    public void Evaluate_InsultAimedAtSomeone_IsHarassment(string text) =>
        Assert.Contains(ConductRule.Harassment, ConductText.Rules(text));

    [Theory]
    [InlineData("Mr. Bird at Rathdrum is a wonderful reader")]
    [InlineData("The director is incompetent and the budget shows it.")]
    [InlineData("this stupid policy is the worst thing the board has done")]
    [InlineData("That clown show at the board meeting went on for hours.")]
    [InlineData("The new parking rules are dumb, just like you said.")]
    [InlineData("stfu, this wifi is the slowest in the county")]
    [InlineData("Hijo de puta, se me cayó el café en el libro")]
    [InlineData("Vete a la verga con tus horarios nuevos")]
    [InlineData("Qué pedo con el horario del sábado?")]
    [InlineData("Tell that clown at the party to call me, my kid loved him")]
    [InlineData("that b!tch of a winter storm closed the branch again")]
    [InlineData("Rats, the Japanese garden exhibit closed early")]
    [InlineData("The new catalog has the speed of a snail")]
    [InlineData("Our presenter has the patience of a saint")]
    [InlineData("Our storyteller has the face of a movie star")]
    public void Evaluate_CriticismOrExclamation_IsNoHarassment(string text) =>
        Assert.DoesNotContain(ConductRule.Harassment, ConductText.Rules(text));

    [Theory]
    [InlineData("Someone go down to the branch and shoot them all.")]
    [InlineData("Voy a matar al director si vuelve a pasar.")]
    [InlineData("We all know where that trustee parks every night.")]
    [InlineData("I h0pe the board gets hit by a bus on the way home")]
    [InlineData("Exterminate the migrants.")]
    public void Evaluate_IncitementWishOrSurveillance_IsThreat(string text) =>
        Assert.Contains(ConductRule.Threat, ConductText.Rules(text));

    [Theory]
    [InlineData("Anyone have a bomb playlist for the teen dance tonight?")]
    [InlineData("I'm going to strangle my laptop, is the computer lab open tonight?")]
    [InlineData("I'd kill for a latte before storytime, anyone else?")]
    [InlineData("I don't know where the Hayden branch moved the large print, help?")]
    [InlineData("In the thriller the stalker writes \"we know where she lives\" on the mirror. So creepy.")]
    [InlineData("Voy a la biblioteca mañana con los niños.")]
    [InlineData("We know where the bookmobile parks on Tuesdays, right by the school.")]
    [InlineData("hang the posters on the board please")]
    public void Evaluate_IdiomOrQuestion_IsNoThreat(string text) =>
        Assert.DoesNotContain(ConductRule.Threat, ConductText.Rules(text));

    [Theory]
    [InlineData("Parasites, all the refugees.")]
    [InlineData("refugees = vermin, every one")]
    [InlineData("Exterminate the migrants.")]
    public void Evaluate_GroupLikenedOrTargetedForExtermination_IsHate(string text) =>
        Assert.Contains(ConductRule.Hate, ConductText.Rules(text));

    [Theory]
    [InlineData("Animals of the Mexican desert: a new nonfiction shelf at Post Falls")]
    [InlineData("The men's room at Hayden is filthy again, please send someone.")]
    [InlineData("The exhibit shows how wartime posters portrayed immigrants as rats.")]
    [InlineData("Animals, all the Mexican folk tales in one volume")]
    [InlineData("Rats, the Japanese garden exhibit closed early")]
    public void Evaluate_GroupNamedWithoutDehumanising_IsNoHate(string text) =>
        Assert.DoesNotContain(ConductRule.Hate, ConductText.Rules(text));

    [Theory]
    [InlineData("this update is sh🤡t", "shit")]
    [InlineData("sending d*ck pics to anyone who asks", "dick")]
    public void Evaluate_MaskedWithSymbolOrEmoji_IsProfanity(string text, string term) =>
        Assert.Contains(ConductText.Detections(text), d => d.Rule == ConductRule.Profanity && d.EvidenceKey == term);

    [Fact]
    public void Evaluate_MaskedWord_IsReadForEveryList() =>
        Assert.Contains(ConductRule.Sexual, ConductText.Rules("sending d*ck pics to anyone who asks"));

    [Theory]
    [InlineData("great 💩 day at the branch lol")]
    [InlineData("Storytime📚rocks, see you Tuesday")]
    [InlineData("what a🍎s week at the branch")]
    public void Evaluate_EmojiBetweenWords_IsNoProfanity(string text) =>
        Assert.Empty(ConductText.Rules(text));

    [Fact]
    public void Evaluate_ComeOnWordSaidOfAPerson_IsSexual() =>
        Assert.Contains(ConductRule.Sexual, ConductText.Rules("That new clerk is so sexy"));

    [Theory]
    [InlineData("The new bookmobile wrap is so sexy")]
    [InlineData("the new librarian is so hot today, the AC is broken")]
    public void Evaluate_ComeOnWordSaidOfAThing_IsNoSexual(string text) =>
        Assert.DoesNotContain(ConductRule.Sexual, ConductText.Rules(text));

    [Fact]
    public void Evaluate_SexualContentPointingAtABio_IsSpam() =>
        Assert.Superset(new HashSet<string> { ConductRule.Sexual, ConductRule.Spam }, ConductText.Rules("Horny and bored tonight, see my bio 😘"));

    [Fact]
    public void Evaluate_ContactPhraseEndingInASpamSignal_CountsAsBoth() =>
        Assert.Contains(ConductRule.Spam, ConductText.Rules("Crypto tips that actually work, see my profile"));
}
