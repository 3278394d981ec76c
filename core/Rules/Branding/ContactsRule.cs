using SocialMonitor.Core.Items;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Rules.Pii;

namespace SocialMonitor.Core.Rules.Branding;

/// <summary>
/// <c>branding.contacts</c>: an official profile's phone, email, address or opening hours that differ from what the
/// library publishes: the location's record under <c>locations</c> (the same record the PII rule reads as published),
/// and the district's <c>contacts</c> (its main line, its addresses, any address on its email domains) for what a
/// location does not list. One finding per kind of contact. A fact the platform does not show (hours on X) is unknown,
/// not a finding; so are hours for a location whose record has none, and a day its record leaves out.
/// </summary>
public sealed class ContactsRule : IRule
{
    public const string Rule = "branding.contacts";

    private static readonly string[] s_days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    public string Family => "branding";

    public string Kind => ItemKinds.Profile;

    public IEnumerable<Detection> Evaluate(Item item, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(context);
        if (!BrandingFacts.IsProfile(item))
        {
            return [];
        }
        var location = BrandingFacts.Location(context);
        var contacts = context.Policy.Contacts;
        var detections = new List<Detection>();
        void Differs(string kind, string found, string published)
        {
            detections.Add(new Detection(Rule, context.Policy.SeverityOf(Rule, Severities.Medium), Clauses.CurrentInformation,
                $"{kind} {found} on the profile; the library publishes {published}",
                $"{kind}:{found.ToLowerInvariant()}",
                $"The account shows a {kind} that is not the one the library publishes{(location is null ? "" : $" for {location.Name}")}: people who rely on it are misled. "
                    + "Correct it on the account, or correct the record in policy.json if the account is right."));
        }

        if (Present(item, ProfileFacts.Phone) is { } phone)
        {
            var published = new[] { location?.Phone }.Concat(contacts.Phones).OfType<string>().ToList();
            if (published.Count > 0 && !published.Any(p => PublishedContactIndex.TenDigits(p) == PublishedContactIndex.TenDigits(phone)))
            {
                Differs("phone", phone, string.Join(" or ", published));
            }
        }
        if (Present(item, ProfileFacts.Email) is { } emails)
        {
            var published = new[] { location?.Email }.Concat(contacts.Emails).OfType<string>().ToList();
            foreach (var email in emails.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
            {
                var domain = email.Split('@').LastOrDefault() ?? "";
                var ok = published.Any(p => string.Equals(p, email, StringComparison.OrdinalIgnoreCase))
                    || contacts.EmailDomains.Any(d => BrandingFacts.OnSite(domain, d.TrimStart('@')));
                if (!ok && (published.Count > 0 || contacts.EmailDomains.Count > 0))
                {
                    Differs("email", email, string.Join(" or ", published.Concat(contacts.EmailDomains.Select(d => "an address @" + d.TrimStart('@')))));
                    break;
                }
            }
        }
        if (Present(item, ProfileFacts.Address) is { } address)
        {
            var published = location?.Address is { } own ? [own] : contacts.Addresses;
            var found = AddressFinder.Streets(address).ToHashSet();
            if (published.Count > 0 && !published.Any(p => AddressFinder.Streets(p).Any(found.Contains)))
            {
                Differs("address", address, string.Join(" or ", published));
            }
        }
        if (Present(item, ProfileFacts.Hours) is { } hours && location is { Hours.Count: > 0 })
        {
            var shown = ParseHours(hours);
            var different = s_days.Where(d => location.Hours.TryGetValue(d, out var want) && Normal(want) != shown.GetValueOrDefault(d, "closed"))
                .Select(d => $"{d} {shown.GetValueOrDefault(d, "closed")} (published {location.Hours[d]})").ToList();
            if (different.Count > 0)
            {
                Differs("hours", string.Join("; ", different), $"{location.Name}'s hours in policy.json");
            }
        }
        return detections;
    }

    /// <summary>The fact when the profile shows it with a value; absent (unknown) and empty (not given) are not compared.</summary>
    private static string? Present(Item item, string name) => BrandingFacts.Fact(item, name) is { } value && value.Trim().Length > 0 ? value.Trim() : null;

    /// <summary><c>mon 10:00-19:00; tue 10:00-12:00, tue 13:00-19:00</c> as day → <c>10:00-19:00</c> or <c>10:00-12:00,13:00-19:00</c>.</summary>
    internal static Dictionary<string, string> ParseHours(string hours)
    {
        var days = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var part in hours.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var words = part.Split(' ', 2, StringSplitOptions.TrimEntries);
            if (words.Length == 2 && s_days.Contains(words[0].ToLowerInvariant()))
            {
                var day = words[0].ToLowerInvariant();
                (days.TryGetValue(day, out var spans) ? spans : days[day] = []).Add(Normal(words[1]));
            }
        }
        return days.ToDictionary(d => d.Key, d => string.Join(",", d.Value), StringComparer.Ordinal);
    }

    private static string Normal(string span) => span.Trim().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal);
}
