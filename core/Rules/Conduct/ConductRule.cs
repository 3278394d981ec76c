using System.Globalization;
using System.Runtime.CompilerServices;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Policies;

namespace SocialMonitor.Core.Rules.Conduct;

/// <summary>
/// <c>conduct.profanity|harassment|threat|hate|sexual|spam</c> on every item, guest or official, from the policy's
/// term lists (one pass over the words for all six). Viewpoint-neutral: a term or its context is the finding, never
/// the opinion, so criticism of the library, its staff's decisions, budget or policies is never one by itself.
/// <list type="bullet">
/// <item>profanity, hate and sexual terms are findings wherever they stand (an allowed place name, title or idiom
/// hides them; a sexual term right after "why is there" or "found" is a complaint about content, not content);</item>
/// <item>an insult is harassment when aimed at the reader ("you (are) (a) idiot", "what a moron you are", "hey dumbass")
/// or said of an identifiable person ("the presenter is a troll"; see <see cref="ConductPatterns"/>); harassment
/// phrases ("kill yourself", "nobody cares what you think") need no context;</item>
/// <item>a harm verb is a threat by the grammar of <see cref="ConductPatterns"/> (target, intent with a subject, no
/// negation); threat phrases (veiled: "I know where you live", "be a shame if") need no context; neither is a finding
/// inside a quoted line of a text about fiction;</item>
/// <item>a group likened to vermin or filth, or said not to belong, is hate (<see cref="ConductPatterns"/>);</item>
/// <item>spam is one spam phrase (not in quotation marks: "posting 'forex trading' comments" reports spam), or two
/// different spam signals, in a guest's item: an official post that sells is personal gain, not spam; one detection
/// per item;</item>
/// <item>masked profanity (<c>f*ck</c>, <c>sh💩t</c>) is read by <see cref="MaskedProfanity"/>, and the text is read
/// unmasked for every other list (<c>d*ck pic</c>); mild expletives count only when the policy's mild tier is on;</item>
/// <item>saying one knows where a named person lives or works is a threat; sexual content in a guest's item that points
/// at a profile, bio or link is spam too;</item>
/// <item>sexual solicitation is a listed phrase, or a come-on signal with a contact request or a second signal.</item>
/// </list>
/// Otherwise one detection per rule and term; the evidence key is the listed term. When the optional classifier was asked
/// about the item, its flagged categories join in as evidence (<see cref="ClassifierEvidence"/>): <c>conduct.self-harm</c>
/// comes only from there.
/// </summary>
public sealed class ConductRule : IRule
{
    public const string Profanity = "conduct.profanity";
    public const string Harassment = "conduct.harassment";
    public const string Threat = "conduct.threat";
    public const string Hate = "conduct.hate";
    public const string Sexual = "conduct.sexual";
    public const string Spam = "conduct.spam";
    public const string SelfHarm = "conduct.self-harm";

    /// <summary>The lists this rule reads, with the kind of term each holds.</summary>
    internal static readonly (string List, TermKind Kind)[] Lists =
    [
        ("conduct.allow", TermKind.Allow),
        ("conduct.profanity", TermKind.Profanity),
        ("conduct.profanity.es", TermKind.Profanity),
        ("conduct.profanity.mild", TermKind.MildProfanity),
        ("conduct.sexual", TermKind.Sexual),
        ("conduct.sexual.reports", TermKind.SexualReport),
        ("conduct.hate", TermKind.Hate),
        ("conduct.harassment", TermKind.Insult),
        ("conduct.harassment.persons", TermKind.Person),
        ("conduct.harassment.officials", TermKind.Official),
        ("conduct.hate.groups", TermKind.Group),
        ("conduct.hate.dehumanising", TermKind.Dehumanising),
        ("conduct.sexual.signals", TermKind.SexualSignal),
        ("conduct.contact", TermKind.Contact),
        ("conduct.fiction", TermKind.Fiction),
        ("conduct.harassment.direct", TermKind.HarassmentPhrase),
        ("conduct.threat", TermKind.Violent),
        ("conduct.threat.direct", TermKind.ThreatPhrase),
        ("conduct.threat.targets", TermKind.ThreatTarget),
        ("conduct.spam", TermKind.Spam),
        ("conduct.spam.signals", TermKind.SpamSignal),
    ];

    private static readonly ConditionalWeakTable<Policy, TermLexicon> s_lexicons = [];

    public string Family => "conduct";

    internal static TermLexicon LexiconFor(Policy policy) => s_lexicons.GetValue(policy, static p => TermLexicon.Create(p, Lists));

    public IEnumerable<Detection> Evaluate(Item item, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(context);
        var lexicon = LexiconFor(context.Policy);
        var maskedWords = MaskedProfanity.MayHaveMasks(item.Text) ? MaskedProfanity.For(context.Policy) : null;
        var masked = maskedWords?.Find(item.Text);
        // "d*ck pic" is read as "dick pic" (the unmasked copy has the same length, so quotes still come from the text).
        var unmasked = masked is null ? null : maskedWords!.Unmask(item.Text);
        using var scan = unmasked is null ? lexicon.Scan(item.Text) : lexicon.Scan(unmasked, item.Text);
        var hits = scan.Hits;
        var emoji = EmojiSigns.MayHave(item.Text);
        if (hits.IsEmpty && masked is null && context.Classification is null && !emoji)
        {
            return [];
        }

        List<Detection>? detections = null;
        var english = WordList.For(context.Policy);
        var mild = context.Policy.Tiers.Mild;
        var guest = item.Origin != ItemOrigins.Official;
        var sexualSignal = -1;
        var secondSexualSignal = -1;
        var contact = -1;
        var who = item.Origin == ItemOrigins.Official ? "Official posts follow" : "Guest comments follow";
        var lastAnchor = -1;
        bool? addressed = null;
        var firstSignal = -1;
        var secondSignal = -1;
        var target = false;
        var sexual = false;
        var advertised = false;
        foreach (var hit in hits)
        {
            var kinds = hit.Kinds;
            if ((kinds & TermKind.Allow) != 0)
            {
                continue;
            }
            // A masked word's profanity is the masked finding below (one per word, its key the word it reads as).
            // "pissed off", "piss-poor": a mild phrase keeps its words mild ("piss off" stays profanity).
            if (((kinds & TermKind.Profanity) != 0 || ((kinds & TermKind.MildProfanity) != 0 && mild)) && !IsMasked(hit) && (mild || !InMildPhrase(scan, hit)))
            {
                Add(Profanity, Severities.Medium, hit, "uses profanity");
            }
            if ((kinds & TermKind.Hate) != 0)
            {
                Add(Hate, Severities.Critical, hit, "uses a slur or hate phrase");
            }
            if ((kinds & TermKind.Dehumanising) != 0 && ConductPatterns.Dehumanises(scan, hit))
            {
                Add(Hate, Severities.Critical, hit, "dehumanises a group");
            }
            if ((kinds & TermKind.Sexual) != 0 && !IsReported(scan, hit))
            {
                Add(Sexual, Severities.High, hit, "has sexual content");
                sexual = true;
            }
            // "the presenter is so sexy": a come-on word said of an identifiable person is a sexual remark about them.
            if ((kinds & TermKind.SexualSignal) != 0 && IsAppearance(lexicon.Term(hit.TermId)) && ConductPatterns.SaidOfPerson(scan, hit, english, judgesWork: false))
            {
                Add(Sexual, Severities.High, hit, "makes a sexual remark about a person");
                sexual = true;
            }
            target |= (kinds & TermKind.ThreatTarget) != 0;
            advertised |= (kinds & (TermKind.Contact | TermKind.SpamSignal)) != 0 && IsAdvertisement(lexicon.Term(hit.TermId));
            if ((kinds & TermKind.HarassmentPhrase) != 0)
            {
                Add(Harassment, Severities.High, hit, "harasses the reader");
            }
            if ((kinds & TermKind.Insult) != 0 && AimedAtReader(scan, hit) is var anchor and >= 0 && anchor != lastAnchor)
            {
                lastAnchor = anchor;
                Add(Harassment, Severities.High, hit, "insults the reader");
            }
            else if ((kinds & TermKind.Insult) != 0 && !ConductPatterns.InFictionQuote(scan, hit) &&
                (ConductPatterns.SaidOfPerson(scan, hit, english, CanDescribeAThing(lexicon.Term(hit.TermId))) ||
                (!CanDescribeAThing(lexicon.Term(hit.TermId)) && !CanBeLiteral(lexicon.Term(hit.TermId)) && ConductPatterns.PointedAtPerson(scan, hit))))
            {
                Add(Harassment, Severities.High, hit, "attacks a person");
            }
            else if ((kinds & TermKind.Insult) != 0 && !ConductPatterns.InQuotes(scan, hit.Word) && !CanDescribeAThing(lexicon.Term(hit.TermId)) &&
                (addressed ??= ConductPatterns.AddressesSomeone(scan, english)) == true)
            {
                Add(Harassment, Severities.High, hit, "insults the person it speaks to");
            }
            if (((kinds & TermKind.ThreatPhrase) != 0 || ((kinds & TermKind.Violent) != 0 && ConductPatterns.IsThreat(scan, hit))) &&
                !ConductPatterns.InFictionQuote(scan, hit))
            {
                Add(Threat, Severities.Critical, hit, "threatens violence");
            }
            if ((kinds & TermKind.Spam) != 0 && guest && !ConductPatterns.InQuotes(scan, hit.Word) && !(detections?.Exists(d => d.Rule == Spam) ?? false))
            {
                Add(Spam, Severities.Medium, hit, "looks like spam or a scam");
            }
            if ((kinds & TermKind.SexualSignal) != 0 && sexualSignal >= 0 && hit.TermId != sexualSignal && secondSexualSignal < 0)
            {
                secondSexualSignal = hit.TermId;
            }
            if ((kinds & TermKind.SexualSignal) != 0 && sexualSignal < 0)
            {
                sexualSignal = hit.TermId;
            }
            if ((kinds & TermKind.Contact) != 0 && (contact < 0 || contact == sexualSignal))
            {
                contact = hit.TermId;
            }
            if ((kinds & TermKind.SpamSignal) != 0 && hit.TermId != firstSignal && firstSignal >= 0 && secondSignal < 0)
            {
                secondSignal = hit.TermId;
            }
            if ((kinds & TermKind.SpamSignal) != 0 && firstSignal < 0)
            {
                firstSignal = hit.TermId;
            }
        }
        if (sexualSignal >= 0 && ((contact >= 0 && contact != sexualSignal) || secondSexualSignal >= 0) && !(detections?.Exists(d => d.Rule == Sexual) ?? false))
        {
            var key = $"{lexicon.Term(sexualSignal)} + {lexicon.Term(contact >= 0 && contact != sexualSignal ? contact : secondSexualSignal)}";
            (detections ??= []).Add(new Detection(
                Sexual, context.Policy.SeverityOf(Sexual, Severities.High), Clauses.RulesOfConduct, $"solicitation: {key}", key,
                $"{who} the Rules of Conduct; this one solicits sexually ({key})."));
            sexual = true;
        }
        if (sexual && guest && advertised && !Has(detections, Spam))
        {
            (detections ??= []).Add(new Detection(
                Spam, context.Policy.SeverityOf(Spam, Severities.Medium), Clauses.RulesOfConduct, "sexual content advertised", "commercial sexual content",
                $"{who} the Rules of Conduct; this one advertises sexual content (a profile, bio or link to follow)."));
        }
        if (!Has(detections, Threat) && target && ConductPatterns.KnowsWhereTheyAre(scan))
        {
            (detections ??= []).Add(new Detection(
                Threat, context.Policy.SeverityOf(Threat, Severities.Critical), Clauses.RulesOfConduct, "knows where someone lives", "know where",
                $"{who} the Rules of Conduct; this one threatens violence (it says where someone lives or works)."));
        }
        if (emoji)
        {
            AddEmoji(ref detections, scan, guest, item.Text, context, who);
        }
        if (masked is var (maskedTerm, maskedAt, maskedLength) && !HasProfanity(detections, maskedTerm))
        {
            (detections ??= []).Add(new Detection(
                Profanity, context.Policy.SeverityOf(Profanity, Severities.Medium), Clauses.RulesOfConduct,
                $"'{item.Text.AsSpan(maskedAt, maskedLength)}'", maskedTerm,
                $"{who} the Rules of Conduct; this one uses profanity, masked ('{maskedTerm}').")
            {
                Offset = maskedAt,
                Length = maskedLength,
            });
        }
        if (secondSignal >= 0 && guest && !(detections?.Exists(d => d.Rule == Spam) ?? false))
        {
            var key = $"{lexicon.Term(firstSignal)} + {lexicon.Term(secondSignal)}";
            (detections ??= []).Add(new Detection(
                Spam, context.Policy.SeverityOf(Spam, Severities.Medium), Clauses.RulesOfConduct, $"spam signals: {key}", key,
                $"{who} the Rules of Conduct; this one looks like spam or a scam ({key})."));
        }
        return ClassifierEvidence.Merge(detections, context, who) ?? (IEnumerable<Detection>)[];

        bool IsMasked(TermHit hit)
        {
            if (unmasked is null)
            {
                return false;
            }
            var (start, end) = (scan.Words[hit.Word].SourceStart, scan.Words[hit.Word + hit.Count - 1].SourceEnd);
            return !unmasked.AsSpan(start, end - start).SequenceEqual(item.Text.AsSpan(start, end - start));
        }

        void Add(string rule, string severity, TermHit hit, string what)
        {
            var term = lexicon.Term(hit.TermId);
            if (detections?.Exists(d => d.Rule == rule && d.EvidenceKey == term) ?? false)
            {
                return;
            }
            var (start, end) = (scan.Words[hit.Word].SourceStart, scan.Words[hit.Word + hit.Count - 1].SourceEnd);
            (detections ??= []).Add(new Detection(
                rule, context.Policy.SeverityOf(rule, severity), Clauses.RulesOfConduct, $"'{scan.Quote(hit.Word, hit.Count)}'", term,
                $"{who} the Rules of Conduct; this one {what} ('{term}').")
            {
                Offset = start,
                Length = end - start,
            });
        }
    }

    /// <summary>What the emoji say (<see cref="EmojiSigns"/>), where the words have not said it already.</summary>
    private static void AddEmoji(ref List<Detection>? detections, ScannedText scan, bool guest, string text, RuleContext context, string who)
    {
        var target = false;
        var person = false;
        var group = false;
        var signal = false;
        foreach (var hit in scan.Hits)
        {
            target |= (hit.Kinds & (TermKind.ThreatTarget | TermKind.Person | TermKind.Official)) != 0;
            person |= (hit.Kinds & TermKind.Person) != 0;
            group |= (hit.Kinds & TermKind.Group) != 0;
            signal |= (hit.Kinds & TermKind.SexualSignal) != 0;
        }
        if (EmojiSigns.MiddleFinger(text))
        {
            AddSign(ref detections, Profanity, Severities.Medium, "🖕", "uses profanity (the middle finger)");
        }
        if (guest && EmojiSigns.WeaponAimed(text, target))
        {
            AddSign(ref detections, Threat, Severities.Critical, "weapon emoji", "threatens violence (weapons aimed at someone)");
        }
        if (guest && EmojiSigns.ClownsAt(text, person))
        {
            AddSign(ref detections, Harassment, Severities.High, "clown emoji", "insults a person (clowns aimed at them)");
        }
        if (guest && (EmojiSigns.SexualAt(text, person) || (signal && EmojiSigns.Leer(text))))
        {
            AddSign(ref detections, Sexual, Severities.High, "sexual emoji", "makes a sexual remark (emoji)");
        }
        if (guest && EmojiSigns.AnimalsAtGroup(text, group))
        {
            AddSign(ref detections, Hate, Severities.Critical, "animal emoji", "dehumanises a group (animal emoji)");
        }

        void AddSign(ref List<Detection>? detections, string rule, string severity, string key, string what)
        {
            if (Has(detections, rule))
            {
                return;
            }
            (detections ??= []).Add(new Detection(
                rule, context.Policy.SeverityOf(rule, severity), Clauses.RulesOfConduct, key, key,
                $"{who} the Rules of Conduct; this one {what}."));
        }
    }

    /// <summary>
    /// Insults that as often describe a program, a rule or a building as a person ("Hey Linda, the new hours are stupid"):
    /// said to a person by name they are criticism, not harassment, unless aimed at "you".
    /// </summary>
    private static bool CanDescribeAThing(string term) => term is "stupid" or "dumb" or "pathetic" or "disgusting" or "ugly" or "rotten" or "joke"
        or "trash" or "garbage" or "worthless" or "fat" or "dumbest" or "stupidest" or "condescending" or "illiterate" or "piece of work"
        or "annoying" or "most annoying" or "incompetent" or "slimy" or "shitty";

    /// <summary>Insults that are also what someone or something is: "that clown at the party", "that pig at the fair".</summary>
    private static bool CanBeLiteral(string term) => term is "clown" or "pig" or "cow" or "rat" or "snake" or "toad" or "sheep" or "witch" or "troll"
        or "parrot" or "leech" or "hack" or "thief" or "bully" or "hag" or "parasite" or "brat" or "creep" or "freak" or "psycho" or "maniac";

    /// <summary>Come-on words that judge how someone looks: said of a person, a sexual remark.</summary>
    private static bool IsAppearance(string term) => term is "sexy" or "so sexy" or "nice body" or "perfect body" or "hot body";

    /// <summary>A contact signal that points at a profile, bio or link to follow (commercial content), not a reply.</summary>
    private static bool IsAdvertisement(string term) => term.Contains("bio", StringComparison.Ordinal) || term.Contains("profile", StringComparison.Ordinal) ||
        term.Contains("link", StringComparison.Ordinal);

    private static bool Has(List<Detection>? detections, string rule)
    {
        foreach (var detection in detections ?? [])
        {
            if (detection.Rule == rule)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether <paramref name="term"/> is already a profanity finding (a loop, not a lambda: no closure per item).</summary>
    private static bool HasProfanity(List<Detection>? detections, string term)
    {
        foreach (var detection in detections ?? [])
        {
            if (detection.Rule == Profanity && detection.EvidenceKey == term)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>"Why is there porn…": a sexual term right after a complaint phrase names content, it is not content.</summary>
    private static bool IsReported(ScannedText scan, TermHit hit)
    {
        foreach (var other in scan.Hits)
        {
            if ((other.Kinds & TermKind.SexualReport) != 0 && other.Word + other.Count <= hit.Word && hit.Word - (other.Word + other.Count) <= 1)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The word index of the "you" (or opener) that aims this insult at the reader, or -1: "you (are) (such a) idiot",
    /// "idiot you are", "hey idiot".
    /// </summary>
    private static int AimedAtReader(ScannedText scan, TermHit hit)
    {
        var unknown = 0;
        for (var w = hit.Word - 1; w >= 0 && w >= hit.Word - 6; w--)
        {
            var form = scan.Form(w);
            if (ConductGrammar.You.Contains(form))
            {
                return w;
            }
            if (w >= hit.Word - 2 && ConductGrammar.Openers.Contains(form) && (w == hit.Word - 1 || !scan.Words[w + 1].OpensSentence))
            {
                return w;
            }
            // One word the grammar does not know may stand between: "you inbred hick", "ur a virgin loser".
            if (!ConductGrammar.Between.Contains(form) && !IsInsult(scan, w) && ++unknown > 1)
            {
                break;
            }
        }
        var after = hit.Word + hit.Count;
        for (var w = after; w < scan.Words.Length - 1 && w <= after + 1; w++)
        {
            if (ConductGrammar.You.Contains(scan.Form(w)) && scan.Form(w + 1) is "are" or "re" or "r")
            {
                return w;
            }
        }
        // "…is worthless, just like you": the insult said of the reader by comparison.
        for (var w = after; w < scan.Words.Length && w <= after + 2; w++)
        {
            if (scan.Form(w) is "like" && w + 1 < scan.Words.Length && ConductGrammar.You.Contains(scan.Form(w + 1)) &&
                !(w + 2 < scan.Words.Length && scan.Form(w + 2) is "said" or "say" or "says" or "think" or "thought" or "mentioned" or "wrote" or "do" or "did" or "know"))
            {
                return w + 1;
            }
        }
        return -1;
    }

    private static bool InMildPhrase(ScannedText scan, TermHit hit)
    {
        foreach (var other in scan.Hits)
        {
            if (other.Count > hit.Count && (other.Kinds & TermKind.MildProfanity) != 0 && (other.Kinds & TermKind.Profanity) == 0 &&
                other.Word <= hit.Word && hit.Word + hit.Count <= other.Word + other.Count)
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsInsult(ScannedText scan, int word)
    {
        foreach (var hit in scan.Hits)
        {
            if (hit.Word <= word && word < hit.Word + hit.Count && (hit.Kinds & TermKind.Insult) != 0)
            {
                return true;
            }
        }
        return false;
    }
}
