using System.Collections.Frozen;

namespace SocialMonitor.Core.Rules.Pii;

/// <summary>
/// A phone number or street address that belongs to a business or a public office named just before it, in the same
/// sentence: "the Valley Chamber (509-555-0161)", "the post office, 208-555-0115", "Rosie's Bakery, 1220 E Pine Ave", "the County Treasurer takes calls
/// at (208) 555-0111". The name ends in a word, in any case, for an organisation or a place of business
/// (Society, Chamber, Diner, City Hall, Fire Station, Courthouse, Foods), at most 32 characters before the value, and
/// no word in the sentence before the value makes it someone's own (my, me, her, cell, home). Such contacts are
/// public, not a private person's data; a member's number after "I volunteer at the Food Pantry, text me" stays a
/// finding.
/// </summary>
internal static class OrganisationContext
{
    private const int Window = 32;
    private const int Lookback = 64;

    private static readonly FrozenSet<string> s_organisations = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "Chamber", "Society", "Elections", "Office", "Offices", "Department", "Dept", "Station", "Hall", "Building", "Park", "Courthouse", "Diner", "Cafe",
        "Café", "Restaurant", "Grill", "Bakery", "Pizza", "Pizzeria", "Foods", "Market", "Grocery", "Store", "Shop", "Pharmacy",
        "Clinic", "Hospital", "Center", "Centre", "Museum", "School", "Academy", "College", "University", "Church", "Bank",
        "Hotel", "Inn", "Motel", "Theater", "Theatre", "Cinema", "Association", "Foundation", "Commission", "Agency", "Services",
        "Authority", "DMV", "Police", "Sheriff", "Treasurer", "Assessor", "Clerk", "YMCA", "YWCA", "Company", "Inc", "LLC", "Salon",
        "Brewery", "Library", "Fairgrounds", "Airport", "Hospice", "Shelter", "Pantry", "Bureau", "Extension", "Tavern", "Kitchen",
        "Mall", "Dental", "Veterinary", "Repair", "Auto", "Plumbing", "Heating", "Roofing", "Realty", "Insurance",
        "Nursery", "Hardware", "Lumber", "Feed", "Farm", "Winery", "Coffee", "Deli", "Tacos", "Catering", "Printing", "Studio",
        "Gym", "Fitness", "Spa", "Barbershop", "Florist", "Motors", "Dealership");

    private static readonly FrozenSet<string> s_ownership = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "my", "me", "i", "i'm", "im", "mine", "we're", "we\u2019re", "his", "her", "hers", "their", "cell", "home", "personal", "private", "mobile");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_organisationLookup = s_organisations.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> s_ownershipLookup = s_ownership.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when the value at <paramref name="start"/> follows an organisation's name as described above.</summary>
    public static bool Follows(string text, int start)
    {
        var from = Math.Max(0, start - Lookback);
        var before = text.AsSpan(from, start - from);
        var named = false;
        var end = before.Length;
        while (end > 0)
        {
            // The words of the sentence before the value, last first.
            var wordEnd = end;
            while (wordEnd > 0 && !IsWordChar(before[wordEnd - 1]))
            {
                if (before[wordEnd - 1] is '.' or '!' or '?' or ';' or '\n')
                {
                    return named;
                }
                wordEnd--;
            }
            var wordStart = wordEnd;
            while (wordStart > 0 && IsWordChar(before[wordStart - 1]))
            {
                wordStart--;
            }
            if (wordStart == wordEnd || (!named && before.Length - wordEnd > Window))
            {
                return named;
            }
            var word = before[wordStart..wordEnd];
            if (s_ownershipLookup.Contains(word))
            {
                return false; // "my", "her cell": someone's own, whatever the sentence names
            }
            named |= s_organisationLookup.Contains(word);
            end = wordStart;
        }
        return named;
    }

    private static bool IsWordChar(char c) => char.IsLetter(c) || c is '\'' or '\u2019';
}
