using SocialMonitor.Core.Rules;

namespace SocialMonitor.Tests.Rules.Pii;

/// <summary>
/// Personal data in the other ways people write it (spaced or slashed numbers, words, a letter O for zero, e-mail
/// addresses spelled out or spaced), and the look-alikes that must stay clean (templates, web addresses' user parts,
/// businesses' and offices' contacts, reference numbers, famous fictional addresses).
/// </summary>
public sealed class PiiWrittenFormsTests
{
    private static List<Detection> Evaluate(string text) => PiiRuleTests.Evaluate(text);

    [Theory]
    [InlineData("ring me on 509 - 555 - 0134 after six", "pii.phone", "***-***-0134")]
    [InlineData("cell: 509/555/0177, evenings only", "pii.phone", "***-***-0177")]
    [InlineData("my landline is 509 5550112 if the cell is off", "pii.phone", "***-***-0112")]
    [InlineData("text 5o9-555-o142 for a ride", "pii.phone", "***-***-0142")]
    [InlineData("text me on 555 0193 after work", "pii.phone", "***-0193")]
    [InlineData("my number is 555.0175", "pii.phone", "***-0175")]
    [InlineData("five oh nine, five five five, oh one three one is my cell", "pii.phone", "***-***-0131")]
    [InlineData("call me: nine oh seven five five five zero one one eight", "pii.phone", "***-***-0118")]
    [InlineData("her social is two one nine, four four, six six one two", "pii.ssn", "***-**-6612")]
    [InlineData("my card is 21234OO5550123, it won't scan", "pii.library-card", "**********0123")]
    [InlineData("my Diners card 3852 0000 0232 37 was charged twice", "pii.payment-card", "**** **** **** 3237")]
    public void Evaluate_NumberWrittenAnotherWay_IsFound(string text, string rule, string masked) =>
        Assert.Equal((rule, masked), Single(text));

    [Theory]
    [InlineData("reach me at lena.fors (at) gmail period com", "l***@gmail.com")]
    [InlineData("s u e @ yahoo . com, spaced for the bots", "s***@yahoo.com")]
    [InlineData("my address is mark.t\uff20hotmail.com", "m***@hotmail.com")]
    [InlineData("write to tomasz @ outlook.com please", "t***@outlook.com")]
    [InlineData("send it to https://example.org/share?to=nina.v@gmail.com", "n***@gmail.com")]
    [InlineData("my work address is dana.k@readingapp.example", "d***@readingapp.example")]
    [InlineData("our family inbox is info@gmail.com", "i***@gmail.com")]
    public void Evaluate_EmailWrittenAnotherWay_IsFound(string text, string masked) =>
        Assert.Equal(("pii.email", masked), Single(text));

    [Theory]
    [InlineData("Use something like yourname@outlook.com in the class")]
    [InlineData("Staff addresses look like first.last@domain.com")]
    [InlineData("write it as name (at) domain (dot) org, never the real one")]
    [InlineData("sign up with username@gmail.com as the example")]
    [InlineData("https://guest:pw123@files.example.org/x has the scans")]
    [InlineData("http://nina.v@gmail.com@portal.example.net/ was in the text")]
    [InlineData("We meet @ the park @ 4 on Friday")]
    [InlineData("For app trouble write to support@readingapp.example or press@publisher.example")]
    [InlineData("find us @ facebook . com too")]
    public void Evaluate_EmailTemplatesAndWebAddresses_ReturnsNothing(string text) => Assert.Empty(Evaluate(text));

    [Theory]
    [InlineData("The Valley Chamber (509-555-0161) has the parade map.")]
    [InlineData("County Treasurer staff take calls at (208) 555-0111 about tax bills.")]
    [InlineData("We walked to Rosie's Bakery, 1220 E Pine Ave, for donuts after storytime.")]
    [InlineData("The polling place is the Athol City Hall, 30 N Second St, this year.")]
    [InlineData("Miller Plumbing (208-555-0160) fixed the leak in the teen room.")]
    [InlineData("The hotline is 1-888-555-0123, open all night")]
    [InlineData("call the helpline at (877) 555-0145 for free tax help")]
    [InlineData("Dress up for 742 Evergreen Terrace night at the teen room!")]
    [InlineData("Our reading of 84 Charing Cross Road starts Monday.")]
    [InlineData("Drop donations at 8385 N Gov't Way any day")]
    [InlineData("The book drop at 8385 North Govt. Way is open")]
    public void Evaluate_BusinessesOfficesAndFictionalAddresses_ReturnsNothing(string text) => Assert.Empty(Evaluate(text));

    [Theory]
    [InlineData("I volunteer at the Food Pantry, text me at 509-555-0101", "pii.phone")]
    [InlineData("I live behind the Fire Station at 1410 W Lane Ave", "pii.address")]
    [InlineData("The Bakery owner is my aunt, her cell is 509-555-0108", "pii.phone")]
    [InlineData("Our new place is 8385 N Green Way, come visit", "pii.address")]
    [InlineData("bring it by 2210 N Cedar Avenu tonight", "pii.address")]
    [InlineData("we're at 77 Larch Stret, the blue house", "pii.address")]
    public void Evaluate_PrivateDataNearAnOrganisationsName_IsStillFound(string text, string rule) =>
        Assert.Equal(rule, Assert.Single(Evaluate(text)).Rule);

    [Theory]
    [InlineData("Due dates 10/31/2026, 11/14/2026 and 12/05/2026")]
    [InlineData("The recipe halves: 1/2 cup, 3/4 cup, 2/3 cup")]
    [InlineData("Your order number for the puzzle set is 20261201-4471-05, thanks!")]
    [InlineData("Tracking for the box: 2145 5550 1234 77, due Tuesday")]
    [InlineData("Invoice 6011-2026-1201-0007 is paid")]
    [InlineData("We need two or three volunteers, maybe four, for the five o'clock shift")]
    [InlineData("Count along: one two three four five six seven, then clap")]
    [InlineData("Folktales are under call number 398.2096, ask at the desk")]
    [InlineData("The 12 Angry Streets mural tour starts at noon")]
    [InlineData("Our 3 Main Avenues of service: books, programs, space")]
    [InlineData("Dewey number 641 5973 is the cookbook shelf")]
    [InlineData("Table 509 5551234 is not a number anyone dials")]
    [InlineData("my Diners card 3852 0000 0232 38 was charged twice")]
    [InlineData("the library is two oh eight, five five five, oh one four oh")]
    public void Evaluate_ReferencesDatesAndCountingWords_ReturnsNothing(string text) => Assert.Empty(Evaluate(text));

    [Fact]
    public void Evaluate_OrderThenCardInOneSentence_StillFindsTheCard() =>
        Assert.Equal(("pii.library-card", "**********4321"), Single("I placed an order yesterday, my card is 21234000654321"));

    private static (string Rule, string Masked) Single(string text)
    {
        var detection = Assert.Single(Evaluate(text));
        return (detection.Rule, detection.EvidenceKey);
    }
}
