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
    public static readonly Lookup You = Create("you", "u", "ya", "yall", "ur", "youre", "thou");

    /// <summary>Words that may stand between "you" and the insult: "you are such a complete idiot", "you people are".</summary>
    public static readonly Lookup Between = Create(
        "are", "re", "r", "were", "was", "is", "look", "looks", "sound", "seem", "act", "being", "a", "an", "such", "so", "really", "just",
        "the", "total", "totally", "complete", "completely", "absolute", "absolutely", "utter", "little", "big", "fucking", "freaking",
        "frigging", "damn", "bloody", "all", "people", "guys", "bunch", "of", "lot", "one", "ignorant", "old", "dirty", "stinking",
        "sorry", "miserable", "lying", "literally", "actually", "truly", "very", "most", "right", "now");

    /// <summary>Openers that address the insult to the reader: "hey dumbass", "shut up, idiot".</summary>
    public static readonly Lookup Openers = Create("hey", "listen", "yo", "oi", "up");

    /// <summary>Intent before a violent verb: "I'll", "gonna", "someone should", "let's", "I hope".</summary>
    public static readonly Lookup Intent = Create(
        "will", "ll", "gonna", "going", "should", "wanna", "want", "better", "gotta", "must", "shall", "ought", "imma", "let", "lets",
        "d", "about", "plan", "planning", "wish", "hope", "pray", "need", "needs");

    /// <summary>Who may intend: "I", "we", "someone"… Intent words that carry their own subject need none.</summary>
    public static readonly Lookup Subjects = Create(
        "i", "im", "ill", "we", "someone", "somebody", "anyone", "anybody", "they", "you", "u", "people", "everyone", "imma", "id");

    /// <summary>Intent words that carry their subject ("imma", "let's").</summary>
    public static readonly Lookup SelfIntent = Create("imma", "let", "lets");

    private static Lookup Create(params string[] words) =>
        FrozenSet.Create(StringComparer.Ordinal, words).GetAlternateLookup<ReadOnlySpan<char>>();
}
