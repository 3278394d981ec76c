using System.Buffers;
using System.Collections.Frozen;
using SocialMonitor.Core.Policies;

namespace SocialMonitor.Core.Rules.Conduct;

/// <summary>
/// The compiled term lists of one policy: words, phrases and stems, each read the way texts are read (folded,
/// leetspeak, apostrophes and hyphens splitting words), so <c>you're dead meat</c> matches "You’re dead meat".
/// <see cref="Scan"/> finds every listed term in a text in one pass over its words: separated letters
/// (<c>f.u.c.k</c>) first, then the longest phrase at each word (an allowed phrase hides the words it covers), then
/// the word itself, its leetspeak reading and its squeezed repeats (<c>fuuuck</c>), then stems inside the word.
/// Built once per policy; safe to share between threads.
/// </summary>
internal sealed class TermLexicon
{
    private const int MaxLetterRun = 24;
    private const int MaxSqueezedLength = 64;

    private readonly FrozenDictionary<string, LexiconEntry>.AlternateLookup<ReadOnlySpan<char>> _words;
    private readonly WordFilter _filter;
    private readonly LexiconStem[] _stems;
    private readonly SearchValues<string>? _stemValues;
    private readonly WordList _english;
    private readonly List<string> _terms;

    private TermLexicon(
        FrozenDictionary<string, LexiconEntry> words, LexiconStem[] stems, WordList english, List<string> terms, CharFolding folding)
    {
        _words = words.GetAlternateLookup<ReadOnlySpan<char>>();
        _filter = new WordFilter(words.Keys);
        _stems = stems;
        _stemValues = stems.Length == 0 ? null : SearchValues.Create([.. stems.Select(s => s.Stem)], StringComparison.Ordinal);
        _english = english;
        _terms = terms;
        Folding = folding;
    }

    public CharFolding Folding { get; }

    /// <summary>The term as listed (lowercase, without the stem's <c>*</c>).</summary>
    public string Term(int id) => _terms[id];

    /// <summary>Compiles the policy's lists named in <paramref name="lists"/>, each of the kind given.</summary>
    public static TermLexicon Create(Policy policy, IEnumerable<(string List, TermKind Kind)> lists)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var folding = CharFolding.Create(policy.List("confusables"));
        var words = new Dictionary<string, LexiconEntry>(StringComparer.Ordinal);
        var phrases = new Dictionary<string, List<LexiconPhrase>>(StringComparer.Ordinal);
        var stems = new List<LexiconStem>();
        var terms = new List<string>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);

        foreach (var (list, kind) in lists)
        {
            foreach (var line in policy.List(list))
            {
                var isStem = line.EndsWith('*');
                var term = (isStem ? line[..^1] : line).Trim().ToLowerInvariant();
                var read = Normalise(term, folding);
                if (read.Length == 0)
                {
                    continue;
                }
                var id = Id(term);
                if (isStem && read.Length == 1)
                {
                    stems.Add(new LexiconStem(read[0], kind, id));
                }
                if (read.Length == 1)
                {
                    AddWord(read[0], kind, id);
                    if (kind is TermKind.Profanity or TermKind.Sexual or TermKind.Hate or TermKind.Insult && !read[0].EndsWith('s'))
                    {
                        AddWord(read[0] + "s", kind, id);
                    }
                }
                else
                {
                    AddPhrase(read, kind, id);
                }
            }
        }
        // "click my profile" is a contact request and, ending with "my profile", a spam signal too: a listed phrase
        // inside a longer one keeps its kinds (never an allowed one's), since the longer match hides the words it covers.
        var all = phrases.Values.SelectMany(p => p).ToList();
        foreach (var starting in phrases.Values)
        {
            for (var i = 0; i < starting.Count; i++)
            {
                var outer = starting[i];
                if ((outer.Kinds & TermKind.Allow) != 0)
                {
                    continue;
                }
                foreach (var inner in all)
                {
                    if (inner.Words.Length < outer.Words.Length && (inner.Kinds & TermKind.Allow) == 0 && outer.Words.AsSpan().IndexOf(inner.Words.AsSpan()) >= 0)
                    {
                        outer = outer with { Kinds = outer.Kinds | inner.Kinds };
                    }
                }
                starting[i] = outer;
            }
        }
        foreach (var (first, starting) in phrases)
        {
            var entry = words.GetValueOrDefault(first, new LexiconEntry(TermKind.None, -1, null));
            words[first] = entry with { Phrases = [.. starting.OrderByDescending(p => p.Words.Length)] };
        }
        return new TermLexicon(words.ToFrozenDictionary(StringComparer.Ordinal), [.. stems], WordList.For(policy), terms, folding);

        int Id(string term)
        {
            if (!ids.TryGetValue(term, out var id))
            {
                id = terms.Count;
                ids[term] = id;
                terms.Add(term);
            }
            return id;
        }

        void AddWord(string word, TermKind kind, int id) =>
            words[word] = words.TryGetValue(word, out var entry) ? entry with { Kinds = entry.Kinds | kind } : new LexiconEntry(kind, id, null);

        void AddPhrase(string[] read, TermKind kind, int id)
        {
            if (!phrases.TryGetValue(read[0], out var list))
            {
                phrases[read[0]] = list = [];
            }
            var same = list.FindIndex(p => p.Words.AsSpan().SequenceEqual(read));
            if (same >= 0)
            {
                list[same] = list[same] with { Kinds = list[same].Kinds | kind };
            }
            else
            {
                list.Add(new LexiconPhrase(read, kind, id));
            }
        }
    }

    /// <summary>A listed term read into words the way texts are read (leetspeak reading where there is one).</summary>
    private static string[] Normalise(string term, CharFolding folding)
    {
        using var read = ScannedText.Read(term, folding);
        var result = new string[read.Words.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = (read.LeetForm(i).Length > 0 && read.Form(i).ContainsAnyInRange('0', '9') ? read.LeetForm(i) : read.Form(i)).ToString();
        }
        return result;
    }

    /// <summary>
    /// Reads <paramref name="text"/> and finds every listed term in it; quotes come from <paramref name="source"/> when
    /// given (see <see cref="ScannedText.Read"/>). Dispose the result.
    /// </summary>
    public ScannedText Scan(string text, string? source = null)
    {
        var scan = ScannedText.Read(text, Folding, source);
        var words = scan.Words;
        var mayHaveStem = _stemValues is not null && scan.AllForms.ContainsAny(_stemValues);
        var w = 0;
        while (w < words.Length)
        {
            var found = Find(scan, w);
            if (words[w].Length == 1 && TryLetterRun(scan, w) is { } run)
            {
                scan.Add(run);
                w += run.Count;
            }
            else if (found?.Phrases is { } candidates && TryPhrase(scan, w, candidates) is { } phrase)
            {
                scan.Add(new TermHit(w, phrase.Words.Length, phrase.Kinds, phrase.TermId));
                if ((phrase.Kinds & TermKind.Allow) == 0)
                {
                    // "nice ass" is sexual and "ass" profane: a phrase hides only the kinds it has itself.
                    for (var k = 0; k < phrase.Words.Length; k++)
                    {
                        if (TryWord(scan, w + k) is { } inner && (inner.Kinds & ~phrase.Kinds & ~TermKind.Allow) is var kinds and not TermKind.None)
                        {
                            scan.Add(new TermHit(w + k, 1, kinds, inner.TermId));
                        }
                    }
                }
                w += phrase.Words.Length;
            }
            else
            {
                var word = found is { Kinds: not TermKind.None } ? found : TrySqueezed(scan.Form(w)) ?? TrySqueezed(scan.LeetForm(w));
                if ((word ?? (mayHaveStem ? TryStem(scan, w) : null)) is { } entry)
                {
                    scan.Add(new TermHit(w, 1, entry.Kinds, entry.TermId));
                    // "b!tch" reads "btch" (profane) and "bitch" (profane and an insult): a masked word means both.
                    if (scan.LeetForm(w).Length > 0 && _filter.MayContain(scan.LeetForm(w)) && _words.TryGetValue(scan.LeetForm(w), out var leet) &&
                        (leet.Kinds & ~entry.Kinds & ~TermKind.Allow) is var more and not TermKind.None)
                    {
                        scan.Add(new TermHit(w, 1, more, leet.TermId));
                    }
                }
                w++;
            }
        }
        return scan;
    }

    /// <summary>Three or more one-letter words one character apart (<c>f.u.c.k</c>, <c>s h i t</c>) read as one word.</summary>
    private TermHit? TryLetterRun(ScannedText scan, int w)
    {
        var words = scan.Words;
        var end = w;
        while (end < words.Length && end - w < MaxLetterRun && words[end].Length == 1 &&
               (end == w || words[end].SourceStart - words[end - 1].SourceEnd <= 1))
        {
            end++;
        }
        if (end - w < 3)
        {
            return null;
        }
        Span<char> joined = stackalloc char[MaxLetterRun];
        for (var k = w; k < end; k++)
        {
            joined[k - w] = scan.Form(k)[0];
        }
        for (var length = end - w; length >= 3; length--)
        {
            if (_words.TryGetValue(joined[..length], out var entry) && entry.Kinds != TermKind.None && (entry.Kinds & TermKind.Allow) == 0)
            {
                return new TermHit(w, length, entry.Kinds, entry.TermId);
            }
        }
        return null;
    }

    /// <summary>The entry of the word's form, else of its leetspeak reading.</summary>
    private LexiconEntry? Find(ScannedText scan, int w)
    {
        if (_filter.MayContain(scan.Form(w)) && _words.TryGetValue(scan.Form(w), out var entry))
        {
            return entry;
        }
        return _filter.MayContain(scan.LeetForm(w)) && _words.TryGetValue(scan.LeetForm(w), out entry) ? entry : null;
    }

    private static LexiconPhrase? TryPhrase(ScannedText scan, int w, LexiconPhrase[] candidates)
    {
        foreach (var phrase in candidates)
        {
            if (w + phrase.Words.Length > scan.Words.Length)
            {
                continue;
            }
            var matches = true;
            for (var k = 1; k < phrase.Words.Length && matches; k++)
            {
                matches = scan.Form(w + k).SequenceEqual(phrase.Words[k]) || scan.LeetForm(w + k).SequenceEqual(phrase.Words[k]);
            }
            if (matches)
            {
                return phrase;
            }
        }
        return null;
    }

    private LexiconEntry? TryWord(ScannedText scan, int w)
    {
        if (_words.TryGetValue(scan.Form(w), out var entry) && entry.Kinds != TermKind.None)
        {
            return entry;
        }
        if (scan.LeetForm(w).Length > 0 && _words.TryGetValue(scan.LeetForm(w), out entry) && entry.Kinds != TermKind.None)
        {
            return entry;
        }
        return TrySqueezed(scan.Form(w)) ?? TrySqueezed(scan.LeetForm(w));
    }

    /// <summary>A word with a letter written three or more times, read with that letter once and twice (<c>fuuuck</c>, <c>asssss</c>).</summary>
    private LexiconEntry? TrySqueezed(ReadOnlySpan<char> form)
    {
        if (form.Length is < 3 or > MaxSqueezedLength || !HasTripleLetter(form))
        {
            return null;
        }
        Span<char> buffer = stackalloc char[MaxSqueezedLength];
        foreach (var keep in (ReadOnlySpan<int>)[1, 2])
        {
            var squeezed = Squeeze(form, keep, buffer);
            if (_words.TryGetValue(squeezed, out var entry) && entry.Kinds != TermKind.None)
            {
                return entry;
            }
        }
        return null;
    }

    private LexiconEntry? TryStem(ScannedText scan, int w)
    {
        if (_stemValues is null)
        {
            return null;
        }
        foreach (var form in (ReadOnlySpan<int>)[0, 1])
        {
            var word = form == 0 ? scan.Form(w) : scan.LeetForm(w);
            var at = word.IndexOfAny(_stemValues);
            if (at < 0 || _english.Contains(word))
            {
                continue;
            }
            foreach (var stem in _stems)
            {
                if (word[at..].StartsWith(stem.Stem, StringComparison.Ordinal))
                {
                    return new LexiconEntry(stem.Kinds, stem.TermId, null);
                }
            }
        }
        return null;
    }

    private static bool HasTripleLetter(ReadOnlySpan<char> form)
    {
        for (var i = 2; i < form.Length; i++)
        {
            if (form[i] == form[i - 1] && form[i] == form[i - 2])
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Runs of three or more of one letter cut to <paramref name="keep"/>; shorter runs stay.</summary>
    private static ReadOnlySpan<char> Squeeze(ReadOnlySpan<char> form, int keep, Span<char> buffer)
    {
        var length = 0;
        var i = 0;
        while (i < form.Length)
        {
            var run = 1;
            while (i + run < form.Length && form[i + run] == form[i])
            {
                run++;
            }
            var copies = run >= 3 ? keep : run;
            for (var k = 0; k < copies; k++)
            {
                buffer[length++] = form[i];
            }
            i += run;
        }
        return buffer[..length];
    }
}
