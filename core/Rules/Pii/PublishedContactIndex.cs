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
    private readonly HashSet<string> _towns;

    public PublishedContactIndex(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var contacts = policy.Contacts;
        _phones = [.. contacts.Phones.Concat(policy.Locations.Select(l => l.Phone)).OfType<string>().Select(TenDigits)];
        _emails = new HashSet<string>(contacts.Emails.Concat(policy.Locations.Select(l => l.Email)).OfType<string>().Select(e => e.Trim().ToLowerInvariant()),
            StringComparer.Ordinal);
        _emailDomains = [.. contacts.EmailDomains.Select(d => d.Trim().TrimStart('@').ToLowerInvariant())];
        _towns = new HashSet<string>(policy.Locations.Select(l => l.Name).OfType<string>(), StringComparer.OrdinalIgnoreCase);
        _addresses = [];
        foreach (var address in contacts.Addresses.Concat(policy.Locations.Select(l => l.Address)).OfType<string>())
        {
            foreach (var match in AddressFinder.Streets(address))
            {
                _addresses.Add(match);
            }
        }
    }

    /// <summary>A town the library serves (a location's name: Athol, Spirit Lake), which a street name before it makes an address.</summary>
    public bool IsTown(string name) => _towns.Contains(name);

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

    /// <summary>
    /// The house number of a published address with its first street word, also abbreviated (<c>Gov't</c>, <c>Govt</c>
    /// for Government: the same first letter and the abbreviation's letters in order).
    /// </summary>
    public bool IsPublishedAddress(string number, string street)
    {
        var word = street.ToLowerInvariant();
        if (_addresses.Contains((number, word)))
        {
            return true;
        }
        foreach (var (publishedNumber, publishedStreet) in _addresses)
        {
            if (publishedNumber == number && Abbreviates(word, publishedStreet))
            {
                return true;
            }
        }
        return false;
    }

    private static bool Abbreviates(string abbreviation, string word)
    {
        if (abbreviation.Length < 2 || abbreviation[0] != word[0])
        {
            return false;
        }
        var w = 0;
        foreach (var c in abbreviation)
        {
            if (!char.IsLetter(c))
            {
                continue;
            }
            while (w < word.Length && word[w] != c)
            {
                w++;
            }
            if (w++ == word.Length)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The digits, without a leading country code 1.</summary>
    internal static string TenDigits(string written)
    {
        var digits = string.Concat(written.Where(char.IsAsciiDigit));
        return digits.Length == 11 && digits[0] == '1' ? digits[1..] : digits;
    }
}
