using SocialMonitor.Core.Policies;

namespace SocialMonitor.Core.Rules.Pii;

/// <summary>
/// The library's published contacts (policy <c>contacts</c> and each location's address, phone and email) in the form
/// the PII finders compare: ten-digit phones, lowercase emails and email domains, and (house number, first street
/// word) of each address. Never personal data.
/// </summary>
internal sealed class PublishedContactIndex
{
    private readonly HashSet<string> _phones;
    private readonly HashSet<string> _emails;
    private readonly string[] _emailDomains;
    private readonly HashSet<(string Number, string Street)> _addresses;

    public PublishedContactIndex(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var contacts = policy.Contacts;
        _phones = [.. contacts.Phones.Concat(policy.Locations.Select(l => l.Phone)).OfType<string>().Select(TenDigits)];
        _emails = new HashSet<string>(contacts.Emails.Concat(policy.Locations.Select(l => l.Email)).OfType<string>().Select(e => e.Trim().ToLowerInvariant()),
            StringComparer.Ordinal);
        _emailDomains = [.. contacts.EmailDomains.Select(d => d.Trim().TrimStart('@').ToLowerInvariant())];
        _addresses = [];
        foreach (var address in contacts.Addresses.Concat(policy.Locations.Select(l => l.Address)).OfType<string>())
        {
            foreach (var match in AddressFinder.Streets(address))
            {
                _addresses.Add(match);
            }
        }
    }

    public bool IsPublishedPhone(ReadOnlySpan<char> written) => _phones.Contains(TenDigits(written.ToString()));

    public bool IsPublishedEmail(string local, string domain)
    {
        domain = domain.ToLowerInvariant();
        if (_emails.Contains($"{local.ToLowerInvariant()}@{domain}"))
        {
            return true;
        }
        foreach (var published in _emailDomains)
        {
            if (domain == published || domain.EndsWith("." + published, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    public bool IsPublishedAddress(string number, string street) => _addresses.Contains((number, street.ToLowerInvariant()));

    /// <summary>The digits, without a leading country code 1.</summary>
    internal static string TenDigits(string written)
    {
        var digits = string.Concat(written.Where(char.IsAsciiDigit));
        return digits.Length == 11 && digits[0] == '1' ? digits[1..] : digits;
    }
}
