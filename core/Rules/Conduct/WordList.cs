using System.Runtime.CompilerServices;
using SocialMonitor.Core.Policies;

namespace SocialMonitor.Core.Rules.Conduct;

/// <summary>
/// The policy's English word list (<c>english-words</c>): words a stem inside them does not make profane
/// ("snigger"), and the dictionary hashtags are segmented against. One per policy, shared by the rules.
/// </summary>
internal sealed class WordList
{
    private static readonly ConditionalWeakTable<Policy, WordList> s_byPolicy = [];

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _words;

    private WordList(HashSet<string> words)
    {
        _words = words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static WordList For(Policy policy) =>
        s_byPolicy.GetValue(policy, static p => new WordList(new HashSet<string>(p.List("english-words").Select(w => w.ToLowerInvariant()), StringComparer.Ordinal)));

    public bool Contains(ReadOnlySpan<char> word) => _words.Contains(word);
}
