namespace SocialMonitor.Core.Rules.Conduct;

/// <summary>
/// The grammar patterns of the conduct rule over a scanned text (words as read, listed terms found):
/// <list type="bullet">
/// <item>a threat: a harm verb with a target near it in its sentence, and an intent ("I'll", "gonna", "should", "I hope",
/// "he'd", "voy a") with a subject, a call on anyone ("Somebody go … and kill"), or the verb opening its sentence; a
/// negation between them ("I would never hurt") undoes it, and so does harm to one's own things ("strangle my printer").
/// Reported speech ("he said he'd come back and stab her") stays a threat; a quoted line in a text about a book or film is not;</item>
/// <item>dehumanisation: a group named, then in the same sentence (or the next, opening with "they") likened ("=" too) to animals,
/// disease, vermin or filth ("are", "like", "nothing but"), or said not to belong or to deserve harm; not when the words are
/// quoted or reported ("newspapers called them…");</item>
/// <item>a personal attack: an insult said of an identifiable person ("the presenter is a troll", "she's a liar", "Lisa at
/// circulation is dumb", "Librarian at Spirit Lake = village idiot"), a person being a person word, "he"/"she" or a name (a
/// capitalised word that is no English word, or any after a title: "Ms. Pat"), and no public official (the board, the
/// mayor) among the subject's words: criticism of them stays allowed (a staff office, the director, only for words that
/// can judge the work); or pointed at ("that idiot behind the counter").</item>
/// <item>fronted dehumanisation: the term opening its sentence, the group ending the phrase after it ("Cockroaches, every
/// single migrant", "Exterminate the illegals").</item>
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
            // The target is not the one called on ("Anyone have a bomb recipe").
            if ((other.Kinds & (TermKind.ThreatTarget | TermKind.Group)) != 0 && other.Word >= Math.Max(sentence, verb.Word - TargetWindowBefore) &&
                other.Word < verb.Word + verb.Count + TargetWindow && other.Word != verb.Word &&
                !(other.Word == sentence && ConductGrammar.Incited.Contains(scan.Form(other.Word))))
            {
                hasTarget = true;
                break;
            }
        }
        // "I'm going to strangle my printer": harm done to one's own things is a figure of speech.
        var objectAt = verb.Word + verb.Count;
        if (!hasTarget || (objectAt < words.Length && scan.Form(objectAt) is "my"))
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
            // "Somebody go to the meeting and kill them": a call on anyone to do it, the verb in its plain form.
            if (w == sentence && ConductGrammar.Incited.Contains(form) && IsPlainVerb(scan.Form(verb.Word)) && (verb.Word == w + 1 || scan.Form(verb.Word - 1) is "and"))
            {
                return true;
            }
            // "I h0pe…": the leetspeak reading of a grammar word counts too.
            if (!ConductGrammar.Intent.Contains(form) && !(scan.LeetForm(w).Length > 0 && ConductGrammar.Intent.Contains(scan.LeetForm(w))))
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

    /// <summary>A verb as commanded, not told: "kill", "torch", not "killed", "kills", "shooting".</summary>
    private static bool IsPlainVerb(ReadOnlySpan<char> verb) =>
        !verb.EndsWith("ed") && !verb.EndsWith("ing") && !verb.EndsWith("s") && verb is not "beaten";

    /// <summary>
    /// "I know where the Rathdrum branch manager lives", "we all know where she parks", "I know what time she leaves":
    /// knowing where someone lives or works, or when they come and go, said by the writer (not "I don't know where"), with up to six words between.
    /// </summary>
    public static bool KnowsWhereTheyAre(ScannedText scan)
    {
        var words = scan.Words;
        for (var w = 1; w + 2 < words.Length; w++)
        {
            // "I know what time she leaves": the hour as much as the place.
            var when = scan.Form(w + 1) is "what" && scan.Form(w + 2) is "time";
            if (scan.Form(w) is not ("know" or "knows") || (scan.Form(w + 1) is not "where" && !when) || InFictionQuote(scan, new TermHit(w, 1, TermKind.None, -1)))
            {
                continue;
            }
            var who = scan.Form(w - 1) is "all" && w > 1 ? scan.Form(w - 2) : scan.Form(w - 1);
            if (who is not ("i" or "we" or "everyone" or "everybody" or "they" or "people"))
            {
                continue;
            }
            // Someone's whereabouts, not a thing's: "where the bookmobile parks" is a timetable.
            var someone = false;
            for (var k = w + (when ? 3 : 2); k < words.Length && k <= w + 8 && !words[k].OpensSentence; k++)
            {
                if ((scan.Form(k) is "lives" or "live" or "works" or "parks" or "sleeps" or "stays" || (when && scan.Form(k) is "leaves" or "leave" or "arrives" or "gets" or "walks")) && someone)
                {
                    return true;
                }
                someone |= scan.Form(k) is "she" or "he" or "you" or "they" or "u" || HasKind(scan, k, TermKind.Person | TermKind.Official);
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
            if ((group.Kinds & TermKind.Group) != 0 && term.Word == sentence && FrontedBefore(scan, term, group))
            {
                return true;
            }
            if ((group.Kinds & TermKind.Group) == 0 || group.Word >= term.Word || term.Word - group.Word > GroupWindow)
            {
                continue;
            }
            var groupSentence = SentenceStart(scan, group.Word);
            // "the men's room is filthy": a possessive names a thing of the group's, not the group.
            var possessive = group.Word + group.Count < scan.Words.Length && scan.Form(group.Word + group.Count) is "s";
            if ((groupSentence != sentence && groupSentence != previous) || possessive || Reported(scan, group.Word, groupSentence, term.Word))
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

    /// <summary>
    /// The term opens the sentence and the group follows it with only determiners between: "Cockroaches, every single
    /// migrant", "Exterminate the illegals" (not "Animals of the Mexican desert").
    /// </summary>
    private static bool FrontedBefore(ScannedText scan, TermHit term, TermHit group)
    {
        var from = term.Word + term.Count;
        if (group.Word < from || group.Word - from > 3 || InQuotes(scan, group.Word))
        {
            return false;
        }
        for (var w = from; w <= group.Word; w++)
        {
            if (scan.Words[w].OpensSentence || (w < group.Word && scan.Form(w) is not ("every" or "single" or "last" or "all" or "the" or "those" or "these" or "each")))
            {
                return false;
            }
        }
        // The group ends the phrase ("Rats, the Japanese exhibit closed" is an exclamation about an exhibit).
        var next = group.Word + group.Count;
        return next >= scan.Words.Length || scan.Words[next].OpensSentence || scan.Form(next) is "and" ||
            scan.Source.AsSpan(scan.Words[next - 1].SourceEnd, scan.Words[next].SourceStart - scan.Words[next - 1].SourceEnd).ContainsAny(',', ':');
    }

    /// <summary>A copula or comparison between the group and the term: "are", "like", "nothing but".</summary>
    private static bool Likened(ScannedText scan, int from, int to)
    {
        if (EqualsBefore(scan, to))
        {
            return true;
        }
        for (var w = from; w < to; w++)
        {
            if (EqualsBefore(scan, w) || ConductGrammar.Copulas.Contains(scan.Form(w)) || scan.Form(w) is "like" or "as" or "nothing" or "all" or "become" or "became" or "son" or "como")
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

    /// <summary>
    /// An insult said of an identifiable person (see the summary); <paramref name="judgesWork"/>: the insult can as well
    /// describe a decision or a program ("incompetent", "a joke"), so it is criticism when said of an office holder.
    /// </summary>
    public static bool SaidOfPerson(ScannedText scan, TermHit insult, WordList english, bool judgesWork)
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
            // "whoever runs this page has the IQ of a potato": possession is the copula of the "the X of a" insults.
            if (form is "has" or "have" or "had" && scan.Form(insult.Word) is "the")
            {
                copula = w;
                break;
            }
            if (EqualsBefore(scan, w + 1))
            {
                // "Librarian at Spirit Lake = village idiot": the sign is the copula; the subject ends at word w.
                copula = w + 1;
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
            // "the board is a bunch of clowns" criticises a body; "the director is a pendejo" insults the one person who
            // holds a staff office (a person word that is also an office), unless the word can as well judge the work.
            if (HasKind(scan, w, TermKind.Group) || (HasKind(scan, w, TermKind.Official) && (!HasKind(scan, w, TermKind.Person) || judgesWork)))
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
            // "Hijo de puta, me cobraron…": the insult itself, capitalised, is no name.
            if (!IsName(scan, w, english) || HasKind(scan, w, TermKind.Insult))
            {
                continue;
            }
            // "Eat shit, Larry.": a name after a comma that ends its sentence is the person spoken to.
            // "…every inch of you, Miss Carla", "show me yours Brittany": a name ending its sentence after a comma or
            // straight after a word that is no preposition or title is the person spoken to.
            var last = w + 1 >= words.Length || words[w + 1].OpensSentence;
            var titled = lead > 0 && ConductGrammar.Honorifics.Contains(scan.Form(w - 1));
            var head = titled ? w - 1 : w;
            if (last && head > start && (source[..words[head].SourceStart].TrimEnd().EndsWith(',') ||
                (!char.IsUpper(source[words[head - 1].SourceStart]) && !ConductGrammar.Prepositions.Contains(scan.Form(head - 1)) &&
                 words[head - 1].SourceEnd + 1 == words[head].SourceStart)))
            {
                return true;
            }
            if (lead > 2 || (lead > 0 && !ConductGrammar.Openers.Contains(scan.Form(start)) && scan.Form(start) is not "shut"))
            {
                continue;
            }
            var end = words[w].SourceEnd;
            var comma = end < source.Length && source[end] == ',';
            // "Jim shut the fuck up", "stfu Linda": the name next to an insult said to someone.
            if (comma || (w + 1 < words.Length && (ConductGrammar.You.Contains(scan.Form(w + 1)) || (lead == 0 && StartsInsultPhrase(scan, w + 1)))) ||
                (lead > 0 && scan.Form(start) is "stfu" or "gtfo"))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>An insult of two words or more starts at <paramref name="word"/>: "shut the fuck up", "eat shit".</summary>
    private static bool StartsInsultPhrase(ScannedText scan, int word)
    {
        foreach (var hit in scan.Hits)
        {
            if (hit.Word == word && hit.Count > 1 && (hit.Kinds & TermKind.Insult) != 0)
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
        return form.Length >= 3 && char.IsUpper(scan.Source[scan.Words[word].SourceStart]) &&
            (!english.Contains(form) || (word > 0 && ConductGrammar.Honorifics.Contains(scan.Form(word - 1))));
    }

    /// <summary>An equals sign between word <paramref name="word"/> and the one before: "immigrants = parasites".</summary>
    public static bool EqualsBefore(ScannedText scan, int word) =>
        word > 0 && word < scan.Words.Length && scan.Source.AsSpan(scan.Words[word - 1].SourceEnd, scan.Words[word].SourceStart - scan.Words[word - 1].SourceEnd).Contains('=');

    /// <summary>
    /// "that cunt at the front desk", "look at this inbred hick trying to…": a demonstrative, the insult (a word only
    /// said of people), then a word that places or follows a person, or the sentence's end.
    /// </summary>
    public static bool PointedAtPerson(ScannedText scan, TermHit insult)
    {
        var before = insult.Word - 1;
        if (before >= 0 && HasKind(scan, before, TermKind.Insult))
        {
            before--;
        }
        // "Whoever the fat cow at the desk is": "whoever the" points as "that" does.
        var whoever = before > 0 && scan.Form(before) is "the" && scan.Form(before - 1) is "whoever";
        if (before < 0 || (!whoever && scan.Form(before) is not ("that" or "this")) || (before > 0 && scan.Form(before - 1) is "is" or "s" or "was"))
        {
            return false;
        }
        var after = insult.Word + insult.Count;
        return after >= scan.Words.Length || scan.Words[after].OpensSentence || ConductGrammar.PersonFollowers.Contains(scan.Form(after));
    }
}
