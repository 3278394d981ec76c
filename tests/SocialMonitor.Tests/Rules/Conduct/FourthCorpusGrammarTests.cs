using SocialMonitor.Core.Items;
using SocialMonitor.Core.Rules.Conduct;

namespace SocialMonitor.Tests.Rules.Conduct;

/// <summary>
/// What the fourth blind corpus taught the conduct rule, in phrasings of its own: emoji that carry the meaning
/// (the middle finger, weapons or clowns aimed at someone, sexual emoji at a person, apes beside a group, a leer beside
/// a come-on), mild phrases that keep their words mild ("pissed off", "piss-poor"), respelt and abbreviated profanity
/// in English and Spanish, coded hate, threats as predictions, conditionals and calls to execute, insults without a
/// swear word, suggestive remarks and voyeurism reports, scam phrasings; and the look-alikes each must leave alone.
/// </summary>
public sealed class FourthCorpusGrammarTests
{
    [Theory]
    [InlineData("🖕 to whoever keeps stealing the DVDs")]
    [InlineData("the hold queue is fukking endless")]
    [InlineData("wifi down again, what the fuq")]
    [InlineData("ptm, otra vez cerrado")]
    [InlineData("hdp el que se robó mi bici del estacionamiento")]
    [InlineData("me caga esperar tanto por un libro")]
    [InlineData("alv, se me olvidó la tarjeta")]
    [InlineData("me dejaron sin computadora, hostia puta")]
    public void Evaluate_RespeltAbbreviatedOrEmojiProfanity_IsProfanity(string text) =>
        Assert.Contains(ConductRule.Profanity, ConductText.Rules(text));

    [Theory]
    [InlineData("Honestly pretty pissed off about the new parking rules")]
    [InlineData("The air conditioning at Athol is piss-poor this summer")]
    [InlineData("the printer is piss poor, as usual")]
    [InlineData("freakin love the new teen room")]
    [InlineData("friggin finally, the Wi-Fi works")]
    [InlineData("Spic and span after the flood cleanup, well done Rathdrum")]
    [InlineData("Our groomer said the shih tzu needs a bath before Read to a Dog")]
    [InlineData("Every woodshop needs a bastard file, can the tool library lend one?")]
    [InlineData("En la misa mi hijo recibió la hostia por primera vez")]
    [InlineData("Cada niño recibe un cono de helado al terminar el reto")]
    [InlineData("Para ver el horario, pinche aquí o llame a la biblioteca.")]
    [InlineData("He found the chink in the plot and the whole club agreed")]
    [InlineData("Loved the witch hat contest at Pinehurst, @Dana yours was the best!")]
    public void Evaluate_MildPhraseOrLookAlike_IsNoProfanityOrHarassment(string text)
    {
        var rules = ConductText.Rules(text);
        Assert.DoesNotContain(ConductRule.Profanity, rules);
        Assert.DoesNotContain(ConductRule.Harassment, rules);
        Assert.DoesNotContain(ConductRule.Hate, rules);
    }

    [Fact]
    public void Evaluate_PissOff_StaysProfanity() =>
        Assert.Contains(ConductRule.Profanity, ConductText.Rules("piss off, nobody wants your opinion on the levy"));

    [Theory]
    [InlineData("🔫🔫 @ the Athol branch manager")]
    [InlineData("💣💣 the library. soon.")]
    [InlineData("They should hang the whole board for this")]
    [InlineData("Traitors like that librarian should be hanged in the town square")]
    [InlineData("Those people should be put down like dogs")]
    [InlineData("Somebody is going to get hurt at that story hour, mark my words")]
    [InlineData("Keep pushing that display and you'll find out what happens to your windows")]
    [InlineData("Better lock the doors tonight, librarians.")]
    [InlineData("I know what time the branch manager leaves every day")]
    [InlineData("Wait till I find out which car is yours, @Ron")]
    [InlineData("I hope the director gets hit by a semi on her way in")]
    [InlineData("I hope every one of those librarians drowns")]
    [InlineData("Show up and say it to my face, see if you walk out")]
    [InlineData("My uncle says he's going to come to the library armed next week")]
    public void Evaluate_PredictionConditionalEmojiOrCallToExecute_IsThreat(string text) =>
        Assert.Contains(ConductRule.Threat, ConductText.Rules(text));

    [Theory]
    [InlineData("This book is 💣💣🔥 can't put it down")]
    [InlineData("Hang the new posters by the door, please")]
    [InlineData("The history talk covered public hangings in the old West as they were reported")]
    [InlineData("The armed forces appreciation breakfast is at Rathdrum on Saturday")]
    [InlineData("No one is going to get hurt at the egg drop, the eggs are padded")]
    [InlineData("I hope the new bookmobile gets here before winter")]
    [InlineData("You'll find out what happens in chapter 12, no spoilers")]
    [InlineData("I know what time the bookmobile comes, it's on the schedule")]
    public void Evaluate_IdiomNewsOrNegation_IsNoThreat(string text) =>
        Assert.DoesNotContain(ConductRule.Threat, ConductText.Rules(text));

    [Theory]
    [InlineData("1488, keep Idaho white")]
    [InlineData("The great replacement is why the library has a Spanish shelf now")]
    [InlineData("ZOG runs the school board")]
    [InlineData("Gypsies are parasites, lock up your purses")]
    [InlineData("Los mojados no deberían usar nuestra biblioteca")]
    [InlineData("Refugees are invaders and the library welcomes them")]
    [InlineData("Roma families are a plague on this town")]
    [InlineData("🐒🐒 muslims at the library again")]
    public void Evaluate_CodedOrComparativeDehumanising_IsHate(string text) =>
        Assert.Contains(ConductRule.Hate, ConductText.Rules(text));

    [Theory]
    [InlineData("Curious George 🐵 storytime with Spanish songs on Friday")]
    [InlineData("Our pest-control program keeps roaches out of the stacks")]
    [InlineData("The refugees from the Ukraine war told their stories at Hayden")]
    [InlineData("The talk explained how propaganda called refugees invaders")]
    [InlineData("A swarm of bees moved into the Pinehurst garden, the beekeeper is on the way")]
    public void Evaluate_RespectfulLiteralOrReported_IsNoHate(string text) =>
        Assert.DoesNotContain(ConductRule.Hate, ConductText.Rules(text));

    [Theory]
    [InlineData("@Dale get a life, you've been arguing here all day")]
    [InlineData("@Janet nobody invited you to this conversation")]
    [InlineData("@Ron shut your mouth, nobody cares")]
    [InlineData("@Lisa how's your divorce going, still bitter?")]
    [InlineData("@Pete you must be a blast at parties")]
    [InlineData("@Cory you're the worst, honestly")]
    [InlineData("@Tom you knuckle-dragger, read a book")]
    [InlineData("@Mike you sad little incel")]
    [InlineData("Whoever the fat cow at the Rathdrum desk is, she was rude to me")]
    [InlineData("Whoever the idiot at the Athol counter is, learn to smile")]
    [InlineData("@Greg 🤡🤡 every comment")]
    [InlineData("the Spirit Lake librarian is a drunk, everybody knows")]
    [InlineData("@Kim I'll keep tagging you until you answer me")]
    public void Evaluate_InsultWithoutSwearWord_IsHarassment(string text) =>
        Assert.Contains(ConductRule.Harassment, ConductText.Rules(text));

    [Theory]
    [InlineData("@Nick ok boomer, love you dad")]
    [InlineData("The clown 🤡🤡 at the fall festival was a hit with the kids")]
    [InlineData("The garden gnome display at Hayden is adorable")]
    [InlineData("This policy is the worst the board has passed")]
    [InlineData("Get a life-size cardboard Mo Willems at the Post Falls branch!")]
    public void Evaluate_TeasingOrNoPerson_IsNoHarassment(string text) =>
        Assert.DoesNotContain(ConductRule.Harassment, ConductText.Rules(text));

    [Theory]
    [InlineData("the new Athol clerk can check me out any time 😏")]
    [InlineData("someone is taking pictures up the skirts of teens by the study rooms")]
    [InlineData("my DMs are open for the moms at toddler time")]
    [InlineData("@Jen send pics, you know which ones")]
    [InlineData("that storyteller has a body that should be illegal")]
    [InlineData("🍆🍆 for the lady at the desk")]
    [InlineData("the volunteers are looking mighty grown up this year")]
    [InlineData("la maestra de inglés está bien buena")]
    [InlineData("the desk lady is so sexy 😈")]
    [InlineData("Lonely guy here, hey girl 😏")]
    public void Evaluate_SuggestiveRemarkOrVoyeurismReport_IsSexual(string text) =>
        Assert.Contains(ConductRule.Sexual, ConductText.Rules(text));

    [Theory]
    [InlineData("🍑 peach cobbler recipe in the new cookbook")]
    [InlineData("The kids have grown up so fast, thanks for years of storytime")]
    [InlineData("Can you check me out a copy of the new Grisham? I'm stuck at home")]
    [InlineData("The yoga class was great, wear comfy pants")]
    public void Evaluate_InnocentLookAlike_IsNoSexual(string text) =>
        Assert.DoesNotContain(ConductRule.Sexual, ConductText.Rules(text));

    [Theory]
    [InlineData("Designer handbags 70% off, clearance ends today, check my page")]
    [InlineData("Work from home: receive packages and reship them, $30 each")]
    [InlineData("BTC doubling event tonight, send 0.05 and get 0.1 back")]
    [InlineData("Lost access to your account? @fix.my.account.now helped me get mine back")]
    [InlineData("Hello dear, I am a doctor on an oil rig, kindly message me")]
    [InlineData("Psychic readings by Luna, first reading free")]
    [InlineData("Incall available in Post Falls, DM me")]
    public void Evaluate_ScamOrSolicitation_IsSpam(string text) =>
        Assert.Contains(ConductRule.Spam, ConductText.Rules(text));

    [Theory]
    [InlineData("Is this giveaway legit? It asks for my card number, I didn't send anything")]
    [InlineData("Do you have books on the history of clearance sales and department stores?")]
    [InlineData("Can someone at the desk help me get my account back? I forgot my PIN")]
    public void Evaluate_QuestionOrWarning_IsNoSpam(string text) =>
        Assert.DoesNotContain(ConductRule.Spam, ConductText.Rules(text));

    [Fact]
    public void Evaluate_OfficialPostWithEmojiWeapons_IsNoThreat() =>
        Assert.DoesNotContain(ConductRule.Threat, ConductText.Rules("Escape room night: find the 🔪🔪 and the library's secret key!", ItemOrigins.Official));
}
