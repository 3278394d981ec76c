namespace SocialMonitor.Core.Rules.Conduct;

/// <summary>
/// The grammar patterns of the conduct rule over a scanned text (words as read, listed terms found):
/// <list type="bullet">
/// <item>a threat: a harm verb with a target near it in its sentence, and an intent ("I'll", "gonna", "should", "I hope",
/// "he'd") with a subject, or the verb opening its sentence; a negation between them ("I would never hurt") undoes it.
/// Reported speech ("he said he'd come back and stab her") stays a threat; a quoted line in a text about a book or film is not;</item>
/// <item>dehumanisation: a group named, then in the same sentence (or the next, opening with "they") likened to animals,
/// disease, vermin or filth ("are", "like", "nothing but"), or said not to belong or to deserve harm; not when the words are
/// quoted or reported ("newspapers called them…");</item>
/// <item>a personal attack: an insult said of an identifiable person ("the presenter is a troll", "she's a liar", "Lisa at
/// circulation is dumb"), a person being a person word, "he"/"she" or a name (a capitalised word that is no English word),
/// and no public official (the board, the mayor) among the subject's words: criticism of them stays allowed.</item>
/// </list>
/// </summary>
internal static class ConductPatterns
{
    private const int TargetWindow = 5;
    private const int TargetWindowBefore = 8;
    private const int IntentWindow = 12;
    private const int SubjectWindow = 3;
    private const int GroupWindow = 12;
    private const int CopulaWindow = 6;
    private const int PersonWindow = 11;
    private const int MaxOtherWords = 2;

    /// <summary>The first word of the sentence <paramref name="word"/> is in.</summary>
    public static int SentenceStart(ScannedText scan, int word)
    {
        var words = scan.Words;
        while (word > 0 && !words[word].OpensSentence)
        {
            word--;
        }
        return word;
    }

    public static bool HasKind(ScannedText scan, int word, TermKind kind)
    {
        foreach (var hit in scan.Hits)
        {
            if (hit.Word <= word && word < hit.Word + hit.Count && (hit.Kinds & kind) != 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether the source position is inside quotation marks (an odd number of them before it).</summary>
    public static bool InQuotes(ScannedText scan, int word)
    {
        var before = scan.Source.AsSpan(0, scan.Words[word].SourceStart);
        return (before.Count('"') + before.Count('“') + before.Count('”')) % 2 == 1;
    }

    /// <summary>A quoted line in a text about fiction: "the villain's line 'I'll burn your village'" is the book's.</summary>
    public static bool InFictionQuote(ScannedText scan, TermHit hit)
    {
        if (!InQuotes(scan, hit.Word))
        {
            return false;
        }
        foreach (var other in scan.Hits)
        {
            if ((other.Kinds & TermKind.Fiction) != 0)
            {
                return true;
            }
        }
        return false;
    }

    public static bool IsThreat(ScannedText scan, TermHit verb)
    {
        var words = scan.Words;
        var sentence = SentenceStart(scan, verb.Word);
        var hasTarget = false;
        foreach (var other in scan.Hits)
        {
            if ((other.Kinds & TermKind.ThreatTarget) != 0 && other.Word >= Math.Max(sentence, verb.Word - TargetWindowBefore) &&
                other.Word < verb.Word + verb.Count + TargetWindow && other.Word != verb.Word)
            {
                hasTarget = true;
                break;
            }
        }
        if (!hasTarget)
        {
            return false;
        }
        if (words[verb.Word].OpensSentence)
        {
            return true;
        }
        for (var w = verb.Word - 1; w >= sentence && w >= verb.Word - IntentWindow; w--)
        {
            var form = scan.Form(w);
            if (ConductGrammar.Negations.Contains(form))
            {
                return false;
            }
            if (!ConductGrammar.Intent.Contains(form))
            {
                continue;
            }
            // "the people who booked her should be run over", "needs to get lynched": a wish in the passive names its
            // target, not its doer.
            var next = w + 1 < verb.Word && scan.Form(w + 1) is "to" ? w + 2 : w + 1;
            if (ConductGrammar.SelfIntent.Contains(form) || words[w].OpensSentence || (next < verb.Word && scan.Form(next) is "be" or "get" or "got"))
            {
                return true;
            }
            for (var s = w - 1; s >= sentence && s >= w - SubjectWindow; s--)
            {
                if (ConductGrammar.Subjects.Contains(scan.Form(s)))
                {
                    return true;
                }
            }
        }
        return false;
    }

    public static bool Dehumanises(ScannedText scan, TermHit term)
    {
        var sentence = SentenceStart(scan, term.Word);
        if (InQuotes(scan, term.Word) || (term.Word > 0 && ConductGrammar.Negations.Contains(scan.Form(term.Word - 1))))
        {
            return false;
        }
        var carried = ConductGrammar.Carriers.Contains(scan.Form(sentence)) && sentence > 0;
        var previous = carried ? SentenceStart(scan, sentence - 1) : sentence;
        foreach (var group in scan.Hits)
        {
            if ((group.Kinds & TermKind.Group) == 0 || group.Word >= term.Word || term.Word - group.Word > GroupWindow)
            {
                continue;
            }
            var groupSentence = SentenceStart(scan, group.Word);
            if ((groupSentence != sentence && groupSentence != previous) || Reported(scan, group.Word, groupSentence, term.Word))
            {
                continue;
            }
            if (term.Count > 1 || Likened(scan, groupSentence == sentence ? group.Word + group.Count : sentence, term.Word))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A copula or comparison between the group and the term: "are", "like", "nothing but".</summary>
    private static bool Likened(ScannedText scan, int from, int to)
    {
        for (var w = from; w < to; w++)
        {
            if (ConductGrammar.Copulas.Contains(scan.Form(w)) || scan.Form(w) is "like" or "as" or "nothing" or "all" or "become" or "became" or "son" or "como")
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// A reporting verb just before the group or between it and the term ("propaganda called Jews vermin"), but not
    /// "whatever they call themselves"; or the group quoted.
    /// </summary>
    private static bool Reported(ScannedText scan, int group, int sentence, int term)
    {
        for (var w = Math.Max(sentence, group - 3); w < term; w++)
        {
            if (ConductGrammar.Reporting.Contains(scan.Form(w)) && !(w + 1 < scan.Words.Length && scan.Form(w + 1) is "themselves"))
            {
                return true;
            }
        }
        return InQuotes(scan, group);
    }

    /// <summary>An insult said of an identifiable person (see the summary).</summary>
    public static bool SaidOfPerson(ScannedText scan, TermHit insult, WordList english)
    {
        var sentence = SentenceStart(scan, insult.Word);
        var copula = -1;
        var other = 0;
        for (var w = insult.Word - 1; w >= sentence && w >= insult.Word - CopulaWindow; w--)
        {
            var form = scan.Form(w);
            if (ConductGrammar.Copulas.Contains(form))
            {
                copula = w;
                break;
            }
            if (!ConductGrammar.Between.Contains(form) && !HasKind(scan, w, TermKind.Insult) && ++other > MaxOtherWords)
            {
                return false;
            }
        }
        if (copula < 0)
        {
            return false;
        }
        var person = false;
        for (var w = copula - 1; w >= sentence && w >= copula - PersonWindow; w--)
        {
            if (HasKind(scan, w, TermKind.Official | TermKind.Group))
            {
                return false;
            }
            var form = scan.Form(w);
            var possessive = w + 1 < copula && scan.Form(w + 1) is "s";
            // "Hey Brenda, the hours are…", "@MarkT the vote was…": the person spoken to is not the subject.
            var spokenTo = scan.Words[w].SourceEnd < scan.Source.Length && scan.Source[scan.Words[w].SourceEnd] == ','
                || (scan.Words[w].SourceStart > 0 && scan.Source[scan.Words[w].SourceStart - 1] == '@');
            person |= !possessive && !spokenTo && (HasKind(scan, w, TermKind.Person) || IsName(scan, w, english) ||
                (w == copula - 1 && ConductGrammar.You.Contains(form)) ||
                (w == copula - 1 && form is "he" or "she" && Identified(scan, w, english)));
        }
        return person;
    }

    /// <summary>"Pam … she's": a person word or a name before the pronoun, so "she" is someone in particular.</summary>
    private static bool Identified(ScannedText scan, int pronoun, WordList english)
    {
        for (var w = pronoun - 1; w >= 0; w--)
        {
            if (HasKind(scan, w, TermKind.Person) || IsName(scan, w, english))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Whether the text speaks to one person by name: an @mention ("@JasonK"), or a name opening a sentence, alone or after
    /// an opener, and followed by a comma or "you" ("Hey Linda,", "Marco, you keep…", "Shut up Keith you…").
    /// </summary>
    public static bool AddressesSomeone(ScannedText scan, WordList english)
    {
        var source = scan.Source.AsSpan();
        for (var at = source.IndexOf('@'); at >= 0 && at + 1 < source.Length; at = source[(at + 1)..].IndexOf('@') is var next and >= 0 ? at + 1 + next : -1)
        {
            if (char.IsLetter(source[at + 1]) && (at == 0 || !char.IsLetterOrDigit(source[at - 1])))
            {
                return true;
            }
        }
        var words = scan.Words;
        for (var w = 0; w < words.Length; w++)
        {
            var start = SentenceStart(scan, w);
            var lead = w - start;
            if (lead > 2 || !IsName(scan, w, english) || (lead > 0 && !ConductGrammar.Openers.Contains(scan.Form(start)) && scan.Form(start) is not "shut"))
            {
                continue;
            }
            var end = words[w].SourceEnd;
            var comma = end < source.Length && source[end] == ',';
            if (comma || (w + 1 < words.Length && ConductGrammar.You.Contains(scan.Form(w + 1))))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A capitalised word of three letters or more that is no English word or local place: "Lisa", "Denise".</summary>
    private static bool IsName(ScannedText scan, int word, WordList english)
    {
        var form = scan.Form(word);
        return form.Length >= 3 && char.IsUpper(scan.Source[scan.Words[word].SourceStart]) && !english.Contains(form);
    }
}
