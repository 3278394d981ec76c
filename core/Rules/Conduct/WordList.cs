using System.Runtime.CompilerServices;
using SocialMonitor.Core.Policies;

namespace SocialMonitor.Core.Rules.Conduct;

/// <summary>
/// The policy's English word list (<c>english-words</c>) with the local place names (<c>place-names</c>): words a stem
/// inside them does not make profane ("snigger"), words that are not a person's name, and the dictionary hashtags are
/// segmented against (<c>#harrisonidaho</c> is two words, <c>#Bookmobile</c> one). One per policy, shared by the rules.
/// </summary>
internal sealed class WordList
{
    private static readonly ConditionalWeakTable<Policy, WordList> s_byPolicy = [];

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _words;

    private WordList(HashSet<string> words)
    {
        _words = words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static readonly ConditionalWeakTable<Policy, WordList> s_hashtagsByPolicy = [];

    public static WordList For(Policy policy) =>
        s_byPolicy.GetValue(policy, static p => new WordList(new HashSet<string>(p.List("english-words").Concat(p.List("place-names")).Select(w => w.ToLowerInvariant()), StringComparer.Ordinal)));

    /// <summary>
    /// The words hashtags are segmented against: these and the common Spanish words of <c>spanish-words</c>
    /// (<c>#horadelcuento</c> is three words), which are not English for telling names from words.
    /// </summary>
    public static WordList ForHashtags(Policy policy) =>
        s_hashtagsByPolicy.GetValue(policy, static p => new WordList(new HashSet<string>(
            p.List("english-words").Concat(p.List("place-names")).Concat(p.List("spanish-words")).Select(w => w.ToLowerInvariant()), StringComparer.Ordinal)));

    public bool Contains(ReadOnlySpan<char> word) => _words.Contains(word);
}
