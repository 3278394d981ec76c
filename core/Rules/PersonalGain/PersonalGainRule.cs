using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Rules.Conduct;

namespace SocialMonitor.Core.Rules.PersonalGain;

/// <summary>
/// <c>personal-gain.selling|promo-code|payment-handle|business|fundraiser</c> on official items only (a guest may
/// sell their bike): selling, referral and promo codes, payment services (Venmo, Cash App and its <c>$cashtags</c>,
/// PayPal.me, Zelle) and personal fundraisers, unless the post is library-run (Friends of the Library, the library's
/// foundation, proceeds to the library); and a staff member's own business ("my bakery", "I'm now an independent
/// distributor") always. A payment service named as the topic of a library event ("Venmo safety workshop") asks for
/// nothing; "code" before a word in capitals ("code ATHOL10") is a promo code. The most specific finding stands: selling
/// for one's own business or fundraiser is that business or fundraiser. One detection per rule; the evidence key is
/// the term found.
/// </summary>
public sealed class PersonalGainRule : IRule
{
    public const string Selling = "personal-gain.selling";
    public const string PromoCode = "personal-gain.promo-code";
    public const string PaymentHandle = "personal-gain.payment-handle";
    public const string Business = "personal-gain.business";
    public const string Fundraiser = "personal-gain.fundraiser";

    /// <summary>How far before a business or cause "my" may stand: "my son's Scout troop popcorn fundraiser".</summary>
    private const int OwnerWindow = 6;

    internal static readonly (string List, TermKind Kind)[] Lists =
    [
        ("personal-gain.selling", TermKind.Selling),
        ("personal-gain.promo-code", TermKind.PromoCode),
        ("personal-gain.payment-handle", TermKind.PaymentHandle),
        ("personal-gain.business", TermKind.Business),
        ("personal-gain.fundraiser", TermKind.Fundraiser),
        ("personal-gain.fundraiser.causes", TermKind.FundraiserCause),
        ("personal-gain.library-run", TermKind.LibraryRun),
        ("personal-gain.topics", TermKind.Topic),
    ];

    private static readonly ConditionalWeakTable<Policy, TermLexicon> s_lexicons = [];
    private static readonly ConditionalWeakTable<Policy, SearchValues<string>> s_triggers = [];
    private static readonly HashSet<string> s_commonWords = new(StringComparer.OrdinalIgnoreCase) { "from", "link", "order", "only", "start", "for", "the", "and", "you" };

    public string Family => "personal-gain";

    internal static TermLexicon LexiconFor(Policy policy) => s_lexicons.GetValue(policy, static p => TermLexicon.Create(p, Lists));

    public IEnumerable<Detection> Evaluate(Item item, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(context);
        if (item.Origin != ItemOrigins.Official)
        {
            return [];
        }
        var triggers = s_triggers.GetValue(context.Policy, static p => Triggers(p));
        Span<char> start = stackalloc char[8];
        start[0] = ' ';
        var head = item.Text.AsSpan(0, Math.Min(item.Text.Length, start.Length - 1));
        head.CopyTo(start[1..]);
        if (!item.Text.Contains('$', StringComparison.Ordinal) && !item.Text.AsSpan().ContainsAny(triggers) && !start[..(head.Length + 1)].ContainsAny(triggers))
        {
            return [];
        }
        var lexicon = LexiconFor(context.Policy);
        using var scan = lexicon.Scan(item.Text);
        var libraryRun = false;
        foreach (var hit in scan.Hits)
        {
            libraryRun |= (hit.Kinds & TermKind.LibraryRun) != 0;
        }

        List<Detection>? detections = null;
        foreach (var hit in scan.Hits)
        {
            var kinds = hit.Kinds;
            if (!libraryRun && (kinds & TermKind.Selling) != 0 && !Negated(scan, hit))
            {
                AddHit(Selling, "sells something", lexicon.Term(hit.TermId), hit);
            }
            if (!libraryRun && (kinds & TermKind.PromoCode) != 0)
            {
                AddHit(PromoCode, "carries a referral or promo code", lexicon.Term(hit.TermId), hit);
            }
            if (!libraryRun && (kinds & TermKind.PaymentHandle) != 0 && !IsTopic(scan, hit))
            {
                AddHit(PaymentHandle, "asks for payment to a personal account", lexicon.Term(hit.TermId), hit);
            }
            // "GoFundMe scam warning": a fundraiser named as the topic (a scam, a workshop) asks for nothing.
            if (!libraryRun && ((kinds & TermKind.Fundraiser) != 0 || ((kinds & TermKind.FundraiserCause) != 0 && IsOwned(scan, hit, byMe: false))) && !IsTopic(scan, hit))
            {
                AddHit(Fundraiser, "promotes a personal fundraiser", lexicon.Term(hit.TermId), hit);
            }
            if ((kinds & TermKind.Business) != 0 && IsOwned(scan, hit, byMe: true))
            {
                AddHit(Business, "promotes a staff member's own business", lexicon.Term(hit.TermId), hit);
            }
        }
        if (!libraryRun && Cashtag(item.Text) is var (tag, at) && tag.Length > 0)
        {
            Add(PaymentHandle, "asks for payment to a personal account", "cashtag", $"'{tag}'", at, tag.Length);
        }
        // "$5 a dozen", "$30 a session" in a post about a staff member or by one ("she", "I"): goods or a paid service of theirs.
        if (!libraryRun && UnitPrice(item.Text) is var (price, priceAt, service) && price.Length > 0 && (NamesStaff(scan) || FirstOrThirdPerson(scan)))
        {
            Add(service ? Business : Selling, service ? "promotes a staff member's own business" : "sells something", service ? "paid service" : "unit price",
                $"'{price}'", priceAt, price.Length);
        }
        if (!libraryRun && CodeWord(item.Text) is var (code, codeAt) && code.Length > 0)
        {
            Add(PromoCode, "carries a referral or promo code", "code", $"'{code}'", codeAt, code.Length);
        }
        if (detections is { Count: > 1 } && detections.Exists(d => d.Rule is Business or Fundraiser))
        {
            detections.RemoveAll(d => d.Rule == Selling);
        }
        return detections ?? (IEnumerable<Detection>)[];

        void AddHit(string rule, string what, string term, TermHit hit)
        {
            var (start, end) = (scan.Words[hit.Word].SourceStart, scan.Words[hit.Word + hit.Count - 1].SourceEnd);
            Add(rule, what, term, $"'{scan.Quote(hit.Word, hit.Count)}'", start, end - start);
        }

        void Add(string rule, string what, string term, string evidence, int offset, int length)
        {
            if (detections?.Exists(d => d.Rule == rule) ?? false)
            {
                return;
            }
            (detections ??= []).Add(new Detection(
                rule, context.Policy.SeverityOf(rule, Severities.Medium), Clauses.PersonalGain, evidence, term,
                $"Official accounts are not used for personal gain; this post {what} ('{term}').")
            {
                Offset = offset,
                Length = length,
            });
        }
    }

    /// <summary>
    /// What every finding needs somewhere in the text, as written: the longest word of a selling, promo-code, payment,
    /// fundraiser or business term, or "my", "I", "I'm" (before a business or cause); a "$" (a cashtag) is sought apart. Most official posts have none, and are
    /// not read further. A short word is sought with a space before it ("obo" is in "audiobooks"), and at the start of
    /// the text as if one were there.
    /// </summary>
    private static SearchValues<string> Triggers(Policy policy)
    {
        string[] lists = ["personal-gain.selling", "personal-gain.promo-code", "personal-gain.payment-handle", "personal-gain.fundraiser", "personal-gain.business"];
        string[] triggers = [.. lists.SelectMany(policy.List).Select(Trigger), " my", " i ", " i'm", " im "];
        return SearchValues.Create([.. triggers.Distinct(StringComparer.OrdinalIgnoreCase)], StringComparison.OrdinalIgnoreCase);

        // The term's longest uncommon word ("i'm selling": "selling"), or the whole term when it has none ("my link"); a
        // short word with a space before it, so "obo" does not fire on "audiobooks".
        static string Trigger(string term) =>
            term.Split(' ', '.', '\'').Where(w => w.Length > 2 && !s_commonWords.Contains(w)).MaxBy(w => w.Length) is { } word
                ? word.Length > 3 ? word : " " + word
                : term;
    }

    /// <summary>
    /// "my" within six words before, in the same sentence: "my bakery", "my sister's cafe", "my son's Scout troop
    /// fundraiser"; for a business (<paramref name="byMe"/>) "I" or "I'm" too: "I'm now an independent Young Living
    /// distributor", "I sell Tupperware on the side" (a cause "I walk for" is not one's own fundraiser).
    /// </summary>
    private static bool IsOwned(ScannedText scan, TermHit hit, bool byMe)
    {
        for (var w = hit.Word - 1; w >= 0 && w >= hit.Word - OwnerWindow; w--)
        {
            if (scan.Form(w) is "my" || (byMe && scan.Form(w) is "im" or "i" or "we"))
            {
                return true;
            }
            // "our teen librarian's band", "her cookbook" in a post that names a staff member: theirs, not the library's.
            // "our circulation clerk Nate… his medical bills", "Kelsey, who is a loan officer": theirs too.
            if ((scan.Form(w) is "her" or "his" or "s" || (byMe && (scan.Form(w) is "she" or "he" or "who" || IsStaff(scan.Form(w))))) && NamesStaff(scan))
            {
                return true;
            }
            // "our own Aaron's detailing business": "own" before a name and its possessive.
            if (byMe && scan.Form(w) is "own" && w + 2 < hit.Word && scan.Form(w + 2) is "s" && char.IsUpper(scan.Source[scan.Words[w + 1].SourceStart]))
            {
                return true;
            }
            if (scan.Words[w + 1].OpensSentence)
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>Whether the post names a staff member: "our Harrison staffer Tom", "your Post Falls librarian", "our IT tech Ray".</summary>
    private static bool NamesStaff(ScannedText scan)
    {
        for (var w = 0; w < scan.Words.Length; w++)
        {
            if (IsStaff(scan.Form(w)))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A word for a staff member: "librarian", "clerk", "our IT tech".</summary>
    private static bool IsStaff(ReadOnlySpan<char> word) =>
        word is "librarian" or "librarians" or "staffer" or "clerk" or "tech" or "manager" or "staff" or "bibliotecaria" or "bibliotecario"
            or "director" or "assistant" or "supervisor" or "instructor" or "specialist" or "coordinator";

    /// <summary>"I", "she", "he" as a subject somewhere in the post: someone in particular, not the library.</summary>
    private static bool FirstOrThirdPerson(ScannedText scan)
    {
        for (var w = 0; w < scan.Words.Length; w++)
        {
            if (scan.Form(w) is "i" or "im" or "she" or "he" or "shes" or "hes" or "my" or "her" or "his")
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>"not for sale", "no selling": a selling term right after a negation is none.</summary>
    private static bool Negated(ScannedText scan, TermHit hit) =>
        (hit.Word > 0 && scan.Form(hit.Word - 1) is "not" or "no" or "t" or "never") ||
        (hit.Word > 1 && scan.Form(hit.Word - 2) is "not" or "no" or "t" or "never" && scan.Form(hit.Word - 1) is "be" or "are" or "is" or "for");

    private static readonly string[] s_goodsUnits = [" each", " a dozen", " a pair", " apiece", " a piece", " a set", " a jar", " a bag", " a bundle", " per dozen", " per set"];
    private static readonly string[] s_serviceUnits = [" an hour", " per hour", "/hr", "/hour", " a session", " per session", " a lesson", " per lesson"];

    /// <summary>
    /// The first price with a unit after it ("$5 a dozen", "$35 a pair": goods; "$40 an hour", "$30 a session": a
    /// service), or an empty price.
    /// </summary>
    private static (string Price, int At, bool Service) UnitPrice(string text)
    {
        for (var at = text.IndexOf('$', StringComparison.Ordinal); at >= 0 && at + 1 < text.Length; at = text.IndexOf('$', at + 1))
        {
            var end = at + 1;
            while (end < text.Length && end - at <= 10 && (char.IsAsciiDigit(text[end]) || (text[end] is '.' or ',' && end + 1 < text.Length && char.IsAsciiDigit(text[end + 1]))))
            {
                end++;
            }
            if (end == at + 1)
            {
                continue;
            }
            var rest = text.AsSpan(end);
            foreach (var unit in s_serviceUnits)
            {
                if (rest.StartsWith(unit, StringComparison.OrdinalIgnoreCase))
                {
                    return (text[at..(end + unit.Length)], at, true);
                }
            }
            foreach (var unit in s_goodsUnits)
            {
                if (rest.StartsWith(unit, StringComparison.OrdinalIgnoreCase))
                {
                    return (text[at..(end + unit.Length)], at, false);
                }
            }
        }
        return ("", -1, false);
    }

    /// <summary>A topic word (workshop, panel, scams) in the same sentence as the payment service: the post is about it.</summary>
    private static bool IsTopic(ScannedText scan, TermHit hit)
    {
        var start = ConductPatterns.SentenceStart(scan, hit.Word);
        foreach (var other in scan.Hits)
        {
            // "asked how to support our teen librarian's comic": how to pay someone is no topic.
            if ((other.Kinds & TermKind.Topic) != 0 && ConductPatterns.SentenceStart(scan, other.Word) == start &&
                !(other.Word + other.Count < scan.Words.Length && scan.Form(other.Word + other.Count) is "support" or "tip" or "help" or "pay" or "donate" or "chip"))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>"code" (any case) and then a word of four or more capitals and digits: <c>code ATHOL10</c>; or an empty code.</summary>
    private static (string Code, int At) CodeWord(string text)
    {
        // "mention \"storytime\" for 15% off": a quoted word to say at the till is a referral code too.
        foreach (var say in (ReadOnlySpan<string>)["mention \"", "mention '", "mention “", "say \"", "say “"])
        {
            var quote = text.IndexOf(say, StringComparison.OrdinalIgnoreCase);
            if (quote >= 0 && text.AsSpan(quote).IndexOf("% off", StringComparison.Ordinal) is var off and > 0 and < 40)
            {
                return (text[(quote + say.Length - 1)..(quote + off)], quote);
            }
        }
        for (var at = text.IndexOf("code ", StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf("code ", at + 5, StringComparison.OrdinalIgnoreCase))
        {
            var start = at + 5;
            var end = start;
            while (end < text.Length && (char.IsAsciiLetterUpper(text[end]) || char.IsAsciiDigit(text[end])))
            {
                end++;
            }
            if (end - start >= 4 && (end == text.Length || !char.IsLetterOrDigit(text[end])) && char.IsAsciiLetterUpper(text[start]))
            {
                return (text[start..end], start);
            }
        }
        return ("", -1);
    }

    /// <summary>The first Cash App <c>$cashtag</c> (a letter after <c>$</c>, not a price), or an empty tag.</summary>
    private static (string Tag, int At) Cashtag(string text)
    {
        for (var at = text.IndexOf('$', StringComparison.Ordinal); at >= 0 && at + 2 < text.Length; at = text.IndexOf('$', at + 1))
        {
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && char.IsAsciiLetter(text[at + 1]))
            {
                var end = at + 1;
                while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
                {
                    end++;
                }
                if (end - at >= 3)
                {
                    return (text[at..end], at);
                }
            }
        }
        return ("", -1);
    }
}
