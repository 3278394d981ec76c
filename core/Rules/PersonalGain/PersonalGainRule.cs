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
/// foundation, proceeds to the library); and a staff member's own business ("my bakery", "my sister's salon") always.
/// One detection per rule; the evidence key is the term found.
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
            if (!libraryRun && (kinds & TermKind.Selling) != 0)
            {
                AddHit(Selling, "sells something", lexicon.Term(hit.TermId), hit);
            }
            if (!libraryRun && (kinds & TermKind.PromoCode) != 0)
            {
                AddHit(PromoCode, "carries a referral or promo code", lexicon.Term(hit.TermId), hit);
            }
            if (!libraryRun && (kinds & TermKind.PaymentHandle) != 0)
            {
                AddHit(PaymentHandle, "asks for payment to a personal account", lexicon.Term(hit.TermId), hit);
            }
            if (!libraryRun && ((kinds & TermKind.Fundraiser) != 0 || ((kinds & TermKind.FundraiserCause) != 0 && IsOwned(scan, hit))))
            {
                AddHit(Fundraiser, "promotes a personal fundraiser", lexicon.Term(hit.TermId), hit);
            }
            if ((kinds & TermKind.Business) != 0 && IsOwned(scan, hit))
            {
                AddHit(Business, "promotes a staff member's own business", lexicon.Term(hit.TermId), hit);
            }
        }
        if (!libraryRun && Cashtag(item.Text) is var (tag, at) && tag.Length > 0)
        {
            Add(PaymentHandle, "asks for payment to a personal account", "cashtag", $"'{tag}'", at, tag.Length);
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
    /// What every finding needs somewhere in the text, as written: the longest word of a selling, promo-code, payment or
    /// fundraiser term, or "my" (before a business or cause); a "$" (a cashtag) is sought apart. Most official posts have none, and are
    /// not read further. A short word is sought with a space before it ("obo" is in "audiobooks"), and at the start of
    /// the text as if one were there.
    /// </summary>
    private static SearchValues<string> Triggers(Policy policy)
    {
        string[] lists = ["personal-gain.selling", "personal-gain.promo-code", "personal-gain.payment-handle", "personal-gain.fundraiser"];
        string[] triggers = [.. lists.SelectMany(policy.List).Select(Trigger), " my"];
        return SearchValues.Create([.. triggers.Distinct(StringComparer.OrdinalIgnoreCase)], StringComparison.OrdinalIgnoreCase);

        // The term's longest uncommon word ("i'm selling": "selling"), or the whole term when it has none ("my link"); a
        // short word with a space before it, so "obo" does not fire on "audiobooks".
        static string Trigger(string term) =>
            term.Split(' ', '.', '\'').Where(w => w.Length > 2 && !s_commonWords.Contains(w)).MaxBy(w => w.Length) is { } word
                ? word.Length > 3 ? word : " " + word
                : term;
    }

    /// <summary>"my" within six words before, in the same sentence: "my bakery", "my sister's cafe", "my son's Scout troop fundraiser".</summary>
    private static bool IsOwned(ScannedText scan, TermHit hit)
    {
        for (var w = hit.Word - 1; w >= 0 && w >= hit.Word - OwnerWindow; w--)
        {
            if (scan.Form(w) is "my")
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
