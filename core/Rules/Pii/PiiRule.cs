using System.Globalization;
using System.Runtime.CompilerServices;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Policies;

namespace SocialMonitor.Core.Rules.Pii;

/// <summary>
/// <c>pii.phone|email|address|library-card|ssn|payment-card</c> on every item, guest or official: a private
/// person's data in the text (see <see cref="NumberFinder"/>, <see cref="SpelledNumbers"/>, <see cref="EmailFinder"/>,
/// <see cref="AddressFinder"/>),
/// never the library's published contacts. The value never leaves the rule: evidence, evidence key and explanation
/// carry only its masked form (<c>***-***-1234</c>), so neither the finding, its id, the logs nor the emails hold it.
/// One detection per masked value.
/// </summary>
public sealed class PiiRule : IRule
{
    public const string Phone = "pii.phone";
    public const string Email = "pii.email";
    public const string Address = "pii.address";
    public const string LibraryCard = "pii.library-card";
    public const string Ssn = "pii.ssn";
    public const string PaymentCard = "pii.payment-card";

    private static readonly ConditionalWeakTable<Policy, PublishedContactIndex> s_published = [];

    /// <summary>The family's name: the one family a staff member's personal account is evaluated by.</summary>
    public const string FamilyName = "pii";

    public string Family => FamilyName;

    public IEnumerable<Detection> Evaluate(Item item, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(context);
        var text = item.Text;
        var published = s_published.GetValue(context.Policy, static p => new PublishedContactIndex(p));
        List<PiiMatch>? found = null;
        // Numbers are read with their digits and dashes as ASCII (full-width, Arabic-Indic, keycaps) and a letter O that
        // stands for a zero as 0, each finding mapped back to the original's offsets.
        var plain = PlainDigits.Of(text);
        if (plain.Text.AsSpan().ContainsAnyInRange('0', '9'))
        {
            var numbers = NumberFinder.ReadLetterO(plain.Text);
            List<PiiMatch>? numberMatches = null;
            NumberFinder.Find(numbers, ref numberMatches);
            foreach (var match in numberMatches ?? [])
            {
                if (!(match.Kind == PiiKind.Phone && published.IsPublishedPhone(numbers.AsSpan(match.Start, match.End - match.Start))))
                {
                    (found ??= []).Add(match with { Start = plain.Map(match.Start), End = plain.MapEnd(match.End) });
                }
            }
            AddressFinder.Find(text, published, ref found);
        }
        SpelledNumbers.Find(text, published, ref found);
        EmailFinder.Find(text, published, ref found);
        if (found is null)
        {
            return [];
        }

        var detections = new List<Detection>(found.Count);
        foreach (var match in found)
        {
            if (match.Kind is PiiKind.Phone or PiiKind.Address && OrganisationContext.Follows(text, match.Start))
            {
                continue;
            }
            var (rule, severity, what) = Describe(match.Kind);
            if (detections.Exists(d => d.Rule == rule && d.EvidenceKey == match.Masked))
            {
                continue;
            }
            var explanation = item.Origin == ItemOrigins.Official
                ? $"An official post or reply must never repeat a member's {what}; this one shows {match.Masked}. Edit it out."
                : $"Comments must not expose a private person's {what}; this one shows {match.Masked}.";
            detections.Add(new Detection(
                rule, context.Policy.SeverityOf(rule, severity), Clauses.Privacy,
                $"{what} {match.Masked}", match.Masked, explanation)
            {
                Offset = match.Start,
                Length = match.End - match.Start,
            });
        }
        return detections;
    }

    private static (string Rule, string Severity, string What) Describe(PiiKind kind) => kind switch
    {
        PiiKind.Phone => (Phone, Severities.High, "phone number"),
        PiiKind.Email => (Email, Severities.High, "email address"),
        PiiKind.Address => (Address, Severities.High, "street address"),
        PiiKind.LibraryCard => (LibraryCard, Severities.High, "library card number"),
        PiiKind.Ssn => (Ssn, Severities.Critical, "Social Security number"),
        _ => (PaymentCard, Severities.Critical, "payment card number"),
    };
}
