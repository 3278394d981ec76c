using System.Collections.Frozen;
using Lookup = System.Collections.Frozen.FrozenSet<string>.AlternateLookup<System.ReadOnlySpan<char>>;

namespace SocialMonitor.Core.Rules.Conduct;

/// <summary>
/// The few grammar words that turn an insult into harassment and a violent verb into a threat. English grammar,
/// not policy, so they live here rather than in the lists; words are as read (<c>you're</c> is <c>you</c> <c>re</c>).
/// </summary>
internal static class ConductGrammar
{
    /// <summary>The reader, addressed.</summary>
    public static readonly Lookup You = Create("you", "u", "ya", "yall", "ur", "youre", "thou", "eres", "tu");

    /// <summary>Words that may stand between "you" and the insult: "you are such a complete idiot", "you people are".</summary>
    public static readonly Lookup Between = Create(
        "are", "re", "r", "were", "was", "is", "look", "looks", "sound", "seem", "act", "being", "a", "an", "such", "so", "really", "just",
        "the", "total", "totally", "complete", "completely", "absolute", "absolutely", "utter", "little", "big", "fucking", "freaking",
        "frigging", "damn", "bloody", "all", "people", "guys", "bunch", "of", "lot", "one", "ignorant", "old", "dirty", "stinking",
        "sorry", "miserable", "lying", "literally", "actually", "truly", "very", "most", "right", "now", "too", "weren", "t", "sad",
        "lonely", "arrogant", "lazy", "useless", "smug", "known", "creepy", "like", "as", "and", "un", "una", "es", "bien", "muy", "grumpy",
        "nasty", "vile", "fat", "lousy", "sick");

    /// <summary>Verbs that say what someone is: "the presenter is an idiot", "she looks like a troll", "es un idiota".</summary>
    public static readonly Lookup Copulas = Create("is", "s", "was", "are", "re", "were", "looks", "look", "sounds", "seems", "acts", "es", "eres", "parece");

    /// <summary>Negation before a violent verb: "I would never hurt…", "I don't want to kill anyone".</summary>
    public static readonly Lookup Negations = Create("never", "not", "t", "no", "nobody", "nunca");

    /// <summary>Reporting verbs before a group: "newspapers called Chinese workers a plague" quotes, it does not say.</summary>
    public static readonly Lookup Reporting = Create("called", "calling", "calls", "call", "quoted", "quotes", "quoting", "said", "says", "claimed", "described", "label", "labelled", "labeled",
        "portrayed", "portray", "portrays", "portraying", "depicted", "depict", "depicts", "painted");

    /// <summary>Words opening a sentence that carry the group from the one before: "Jews run the board. They're a rot."</summary>
    public static readonly Lookup Carriers = Create("they", "theyre", "them", "these", "those", "all");

    /// <summary>Openers that address the insult to the reader: "hey dumbass", "shut up, idiot".</summary>
    public static readonly Lookup Openers = Create("hey", "listen", "yo", "oi", "up", "callate", "oye", "stfu", "gtfo");

    /// <summary>Titles before a name, so a name that is also a word is a name: "Ms. Pat", "Miss Rachel", "Mr. Bird".</summary>
    public static readonly Lookup Honorifics = Create("ms", "mrs", "mr", "miss", "dr", "coach", "sr", "sra", "srta", "don", "dona", "director", "officer");

    /// <summary>Words before a name that make it a place or a guest, not the person spoken to: "storytime with Brittany".</summary>
    public static readonly Lookup Prepositions = Create(
        "with", "by", "to", "from", "at", "in", "on", "for", "of", "and", "or", "about", "thanks", "thank", "the", "a", "an", "visit", "visiting",
        "meet", "welcome", "congrats", "congratulations", "love", "loved", "miss", "call", "ask", "de", "con", "y", "en", "para");

    /// <summary>Words after "that idiot" that show a person is meant: "at the desk", "who runs this", "trying to".</summary>
    public static readonly Lookup PersonFollowers = Create(
        "at", "who", "behind", "from", "in", "on", "working", "trying", "thinks", "keeps", "running", "that", "with", "needs", "should");

    /// <summary>Intent before a violent verb: "I'll", "gonna", "someone should", "let's", "I hope".</summary>
    public static readonly Lookup Intent = Create(
        "will", "ll", "gonna", "going", "should", "wanna", "want", "better", "gotta", "must", "shall", "ought", "imma", "let", "lets",
        "d", "about", "plan", "planning", "wish", "hope", "pray", "need", "needs", "would", "deserve", "deserves", "swear", "time",
        "ready", "come", "coming", "ought", "voy", "vamos");

    /// <summary>Who may intend: "I", "we", "someone"… Intent words that carry their own subject need none.</summary>
    public static readonly Lookup Subjects = Create(
        "i", "im", "ill", "we", "someone", "somebody", "anyone", "anybody", "they", "you", "u", "people", "everyone", "imma", "id", "he",
        "she", "hes", "shes", "whoever", "guy", "man", "members");

    /// <summary>Intent words that carry their subject ("imma", "let's", "it's time to", "voy a", "vamos a").</summary>
    public static readonly Lookup SelfIntent = Create("imma", "let", "lets", "time", "voy", "vamos");

    /// <summary>Whom a sentence-opening call to violence is made on: "Somebody go… and kill", "everyone grab a rope".</summary>
    public static readonly Lookup Incited = Create("somebody", "someone", "anyone", "anybody", "everyone", "everybody", "yall");

    private static Lookup Create(params string[] words) =>
        FrozenSet.Create(StringComparer.Ordinal, words).GetAlternateLookup<ReadOnlySpan<char>>();
}
