using SocialMonitor.Core.Items;
using SocialMonitor.Core.Rules;
using SocialMonitor.Core.Rules.PersonalGain;
using SocialMonitor.Tests.Support;

namespace SocialMonitor.Tests.Rules.PersonalGain;

public sealed class PersonalGainRuleTests
{
    private static readonly PersonalGainRule Rule = new();

    private static List<Detection> Evaluate(string text, string origin = ItemOrigins.Official) =>
        [.. Rule.Evaluate(new Item { Id = "p1", Text = text, Origin = origin }, new RuleContext(DateTimeOffset.UnixEpoch, ShippedPolicy.Value))];

    [Theory]
    [InlineData("Support my Patreon for bonus craft videos!", "personal-gain.payment-handle")]
    [InlineData("If you enjoyed story time, there's a tip jar on my Ko-fi.", "personal-gain.payment-handle")]
    [InlineData("Use code READMORE20 for 20% off at my shop.", "personal-gain.promo-code")]
    [InlineData("I also offer private tutoring on the side, $40 an hour.", "personal-gain.business")]
    [InlineData("I'm now an independent Scentsy consultant, ask me for a catalog!", "personal-gain.business")]
    public void Evaluate_StaffSideBusinessTutoringOrTipJar_IsFound(string text, string rule) =>
        Assert.Contains(rule, Evaluate(text).Select(d => d.Rule));

    [Theory]
    [InlineData("Venmo safety workshop for seniors on Tuesday.")]
    [InlineData("A panel on Patreon and Ko-fi for local artists, Thursday at Hayden.")]
    [InlineData("Free homework help with certified tutors, Monday to Thursday.")]
    [InlineData("Hi friends, the Friends of the Library book sale is Saturday; all proceeds support the library.")]
    public void Evaluate_LibraryEventsAboutMoney_ReturnNothing(string text) => Assert.Empty(Evaluate(text));

    [Fact]
    public void Evaluate_SellingForOwnBusiness_IsTheBusinessOnly() =>
        Assert.Equal(["personal-gain.business"], Evaluate("I just opened my own bakery in Athol! Message me to order.").Select(d => d.Rule));

    [Theory]
    [InlineData("Selling my old Jeep, DM me for details", "personal-gain.selling")]
    [InlineData("Use my code JESS20 for 20% off at HelloFresh!", "personal-gain.promo-code")]
    [InlineData("Venmo me @jess-reads for the snacks", "personal-gain.payment-handle")]
    [InlineData("Send $10 to $MarlaReads to reserve a spot", "personal-gain.payment-handle")]
    [InlineData("PayPal.me/jessicaw if you want to chip in", "personal-gain.payment-handle")]
    [InlineData("Proud to announce my husband's landscaping company is taking clients", "personal-gain.business")]
    [InlineData("My son's Scout troop popcorn fundraiser ends Friday", "personal-gain.fundraiser")]
    [InlineData("Donate to my GoFundMe for the marathon", "personal-gain.fundraiser")]
    [InlineData("Buy from me: handmade bookmarks, $3", "personal-gain.selling")]
    [InlineData("Quilt for sale, $80 obo", "personal-gain.selling")]
    [InlineData("Our Athol clerk Dana is also a licensed realtor, ask her about listings", "personal-gain.business")]
    [InlineData("Our custodian is raising money for his daughter's band trip, chip in!", "personal-gain.fundraiser")]
    public void Evaluate_OfficialPersonalGain_IsFound(string text, string rule)
    {
        var detection = Assert.Single(Evaluate(text));

        Assert.Equal((rule, Severities.Medium, Clauses.PersonalGain), (detection.Rule, detection.Severity, detection.Clause));
    }

    [Theory]
    [InlineData("Our annual used book sale is Saturday! All proceeds benefit the library.")]
    [InlineData("Support the Summer Reading program: Venmo @CLN-Foundation")]
    [InlineData("Promo code FRIENDS10 gets 10% off at the Friends of the Library online shop.")]
    [InlineData("Thank you to everyone who donated to the Friends' fundraiser!")]
    [InlineData("Shop local this weekend at the farmers market next to the library!")]
    [InlineData("Late fees were $0.25 a day; now they're $0.")]
    [InlineData("Learn to use Libby for free ebooks and audiobooks at our drop-in session.")]
    public void Evaluate_LibraryRunOrFree_ReturnsNothing(string text) => Assert.Empty(Evaluate(text));

    [Fact]
    public void Evaluate_GuestComment_ReturnsNothing() =>
        Assert.Empty(Evaluate("Selling my kids' outgrown books, Venmo me", ItemOrigins.Guest));

    [Fact]
    public void Evaluate_OwnBusinessInLibraryRunPost_IsStillFound() =>
        Assert.Equal(["personal-gain.business"], Evaluate("My bakery is catering the Friends of the Library gala!").Select(d => d.Rule));

    // The fourth blind corpus: staff personal gain said plainly (a named staff member sells goods at a unit price,
    // offers a paid service, works a second job, "our own X's" business, a family member's appeal), and its look-alikes.
    [Theory]
    [InlineData("Our page Marco has honey from his bees again, $8 a jar at the Athol desk.", "personal-gain.selling")]
    [InlineData("Our clerk Rosa knits hats, $15 each, ask her at circulation.", "personal-gain.selling")]
    [InlineData("Our children's librarian bakes sourdough and sells them on Fridays.", "personal-gain.selling")]
    [InlineData("Our IT tech Ray also fixes laptops privately, $50 an hour.", "personal-gain.business")]
    [InlineData("Tutor time! Our assistant Mia offers private piano lessons for $25 a session.", "personal-gain.business")]
    [InlineData("Our branch assistant Joe, who is a broker with Lakeview Realty, will answer questions after the talk.", "personal-gain.business")]
    [InlineData("Check out our own Nina's dog grooming business, Paws and Pages!", "personal-gain.business")]
    [InlineData("Thanks to our staffer Beth, who moonlights as a wedding photographer!", "personal-gain.business")]
    [InlineData("Our supervisor Kai runs his own gym in Post Falls, stop by!", "personal-gain.business")]
    [InlineData("Our clerk Dee is running a half marathon to pay her medical bills, Venmo @DeeRuns.", "personal-gain.fundraiser")]
    [InlineData("Support our teen librarian's zine! People asked how to support her: tip her on Ko-fi, ZineLiz.", "personal-gain.payment-handle")]
    [InlineData("Our director's daughter is selling Girl Scout cookies for her troop at the Hayden desk.", "personal-gain.fundraiser")]
    [InlineData("Our instructor Tina has a detailing business, mention \"library\" for 10% off!", "personal-gain.promo-code")]
    public void Evaluate_StaffPersonalGainSaidPlainly_IsFound(string text, string rule) =>
        Assert.Contains(rule, Evaluate(text).Select(d => d.Rule));

    [Theory]
    [InlineData("GoFundMe scam warning: fake pages are using photos from the Athol fire. Give only to funds you can verify.")]
    [InlineData("The quilts on display were made by our staff — they are not for sale, but the pattern is free at the desk.")]
    [InlineData("Friends of the Library book sale: paperbacks $1 each, hardcovers $2 each!")]
    [InlineData("Used book sale this weekend, $5 a bag, all proceeds support the library.")]
    [InlineData("Meeting rooms are free; the 3D printer costs $1 an hour of print time.")]
    [InlineData("Our staff picks for the weekend are on the shelf by the door.")]
    [InlineData("Workshop: how to spot a fake GoFundMe, Tuesday at Rathdrum.")]
    public void Evaluate_LibraryPricesWarningsOrNotForSale_ReturnNothing(string text) => Assert.Empty(Evaluate(text));
}
