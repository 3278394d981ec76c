using System.Text.RegularExpressions;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Rules.Pii;

namespace SocialMonitor.Core.Notifications;

/// <summary>
/// Masks personal data in text that goes into an email: email addresses, SSNs, payment cards, phone numbers and long
/// digit runs (library cards). The rules mask their own evidence; this is the mailer's second line, so a value a rule
/// left whole never spreads by email. The library's published contacts (policy.json) are not personal data and stay.
/// </summary>
public sealed partial class PersonalDataMasker(Policy policy)
{
    private readonly HashSet<string> _publishedPhones = [.. policy.Contacts.Phones.Select(LastTenDigits)];

    public string Mask(string text)
    {
        text = Email().Replace(text, m => IsPublishedEmail(m.Value, m.Groups["domain"].Value) ? m.Value : $"{m.Value[0]}***@{m.Groups["domain"].Value}");
        text = Ssn().Replace(text, "***-**-****");
        text = Card().Replace(text, m => NumberFinder.Luhn(Digits(m.Value)) ? "**** **** **** " + Digits(m.Value)[^4..] : m.Value);
        text = Phone().Replace(text, m => _publishedPhones.Contains(LastTenDigits(m.Value)) ? m.Value : "(***) ***-**" + Digits(m.Value)[^2..]);
        return LongNumber().Replace(text, m => new string('*', m.Length - 2) + m.Value[^2..]);
    }

    private bool IsPublishedEmail(string address, string domain) =>
        policy.Contacts.Emails.Contains(address, StringComparer.OrdinalIgnoreCase)
        || policy.Contacts.EmailDomains.Any(d => domain.Equals(d, StringComparison.OrdinalIgnoreCase)
            || domain.EndsWith("." + d, StringComparison.OrdinalIgnoreCase));

    private static string Digits(string text) => string.Concat(text.Where(char.IsAsciiDigit));

    private static string LastTenDigits(string text) => Digits(text) is { Length: >= 10 } digits ? digits[^10..] : Digits(text);

    [GeneratedRegex(@"(?<![\w.+-])[\w.+-]+@(?<domain>[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)")]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<!\d)\d{3}-\d{2}-\d{4}(?!\d)")]
    private static partial Regex Ssn();

    [GeneratedRegex(@"(?<!\d)(?:\d[ -]?){12,18}\d(?!\d)")]
    private static partial Regex Card();

    [GeneratedRegex(@"(?<![\d+])(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}(?!\d)")]
    private static partial Regex Phone();

    [GeneratedRegex(@"(?<!\d)\d{7,}(?!\d)")]
    private static partial Regex LongNumber();
}
