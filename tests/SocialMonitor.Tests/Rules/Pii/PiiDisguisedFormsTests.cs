using SocialMonitor.Core.Rules;

namespace SocialMonitor.Tests.Rules.Pii;

/// <summary>
/// Personal data disguised or split up: other digits (full-width, Arabic-Indic, emoji keycaps), other separators
/// (<c>• _ ~ |</c>, line breaks), a number given in parts across sentences, numbers in Spanish words, e-mail addresses
/// defanged, encoded, broken over a line or described; and the hard negatives beside each (time stamps, file names,
/// placeholders, public offices' contacts, a link's encoded @, parts that are nobody's number).
/// </summary>
public sealed class PiiDisguisedFormsTests
{
    private static (string Rule, string Masked) Single(string text)
    {
        var detection = Assert.Single(PiiRuleTests.Evaluate(text));
        return (detection.Rule, detection.EvidenceKey);
    }

    [Theory]
    [InlineData("ring my daughter: 509•555•0143", "pii.phone", "***-***-0143")]
    [InlineData("cell 509_555_0172 (the app ate my dashes)", "pii.phone", "***-***-0172")]
    [InlineData("my cell ~ 509~555~0165 ~ evenings", "pii.phone", "***-***-0165")]
    [InlineData("text 509 | 555 | 0138 about the quilt raffle", "pii.phone", "***-***-0138")]
    [InlineData("number for rides:\n509\n555\n0129", "pii.phone", "***-***-0129")]
    [InlineData("phone ５０９－５５５－０１８３ thanks", "pii.phone", "***-***-0183")]
    [InlineData("my cell is ٥٠٩-٥٥٥-٠١٢٦ please", "pii.phone", "***-***-0126")]
    [InlineData("5️⃣0️⃣9️⃣5️⃣5️⃣5️⃣0️⃣1️⃣3️⃣4️⃣ call after lunch", "pii.phone", "***-***-0134")]
    [InlineData("my mobile is 509 555 01 78", "pii.phone", "***-***-0178")]
    [InlineData("dial 5 0 9 5 5 5 0 1 9 2 any time", "pii.phone", "***-***-0192")]
    [InlineData("Phone begins with 509-555. After that it's 0131.", "pii.phone", "***-***-0131")]
    [InlineData("márcame al cinco cero nueve, cinco cinco cinco, cero uno dos ocho", "pii.phone", "***-***-0128")]
    [InlineData("text me, five-oh-nine, five five five, zero one four four", "pii.phone", "***-***-0144")]
    [InlineData("my social 531_22_4410 for the tax clinic", "pii.ssn", "***-**-4410")]
    [InlineData("ss number 531.22.4410 is what the form wants", "pii.ssn", "***-**-4410")]
    [InlineData("is 531/22/4410 the right way to write it?", "pii.ssn", "***-**-4410")]
    [InlineData("they asked for 531224410, my SSN, at the desk", "pii.ssn", "***-**-4410")]
    [InlineData("Area number 531. Group 22. Serial 4410. That is my social.", "pii.ssn", "***-**-4410")]
    [InlineData("my card ２１２３４５６７８９０１２３ won't scan", "pii.library-card", "**********0123")]
    [InlineData("card no. 21234_56789_0123", "pii.library-card", "**********0123")]
    [InlineData("Library card begins 21234. The rest: 567890123.", "pii.library-card", "**********0123")]
    [InlineData("library card two one two three four, five six seven eight nine, zero one two three", "pii.library-card", "**********0123")]
    [InlineData("Visa 4000•0566•5566•5556 for the fee", "pii.payment-card", "**** **** **** 5556")]
    [InlineData("my card's first eight are 4000 0566 and the last eight are 5566 5556", "pii.payment-card", "**** **** **** 5556")]
    [InlineData("UnionPay 6250 9460 0000 0016 works at home", "pii.payment-card", "**** **** **** 0016")]
    [InlineData("four zero zero zero, zero five six six, five five six six, five five five six is the one to charge", "pii.payment-card", "**** **** **** 5556")]
    public void Evaluate_NumberDisguisedOrSplit_IsFound(string text, string rule, string masked) =>
        Assert.Equal((rule, masked), Single(text));

    [Theory]
    [InlineData("the scanner saved it as 20251103091522.pdf")]
    [InlineData("last sync 20251103091522 from the branch server")]
    [InlineData("photo IMG_2025_1103_091522 from the storytime")]
    [InlineData("practise with 123-45-6789 on the sample form")]
    [InlineData("the post office, 509-555-0119, has the parcel")]
    [InlineData("the county clerk's office number is 509-555-0117")]
    [InlineData("the reservations line (888) 555-0190 handles museum passes")]
    [InlineData("Storytime at 10. Then crafts at 11. Then lunch at 12.")]
    [InlineData("We read 531 pages, then 22 more, then 4410 words of notes for the social studies fair")]
    [InlineData("Meeting ID 531 224 410, passcode 7781, for the card-making class")]
    [InlineData("Call number 641.59 is on shelf 7, then 2210 is the next aisle")]
    [InlineData("Scores: 604, 28 and 3317 points on the card game night")]
    public void Evaluate_NumberLookAlikes_ReturnsNothing(string text) => Assert.Empty(PiiRuleTests.Evaluate(text));

    [Theory]
    [InlineData("send it to rosa.m[.]lee@gmail[.]com", "r***@gmail.com")]
    [InlineData("contact me: theo.b(a)outlook.com", "t***@outlook.com")]
    [InlineData("my email tess.kim&#64;yahoo.com got mangled", "t***@yahoo.com")]
    [InlineData("it went to owen.h%40hotmail.com instead", "o***@hotmail.com")]
    [InlineData("mail the flyer to priya.n@\nicloud.com", "p***@icloud.com")]
    [InlineData("mail: ana.k @gmail.com thanks", "a***@gmail.com")]
    [InlineData("b e a . r o s s @ y a h o o . c o m for the slides", "b***@yahoo.com")]
    [InlineData("My outlook is sam.reyes_22, please add me to the list", "s***@outlook.com")]
    [InlineData("use lu.chen, the provider is yahoo", "l***@yahoo.com")]
    [InlineData("It's nora.quill, then the at symbol, then gmail", "n***@gmail.com")]
    public void Evaluate_EmailDisguisedOrDescribed_IsFound(string text, string masked) =>
        Assert.Equal(("pii.email", masked), Single(text));

    [Theory]
    [InlineData("My gmail is full again, so write to the branch instead")]
    [InlineData("the county's voter desk is elections@county.example.gov")]
    [InlineData("The provider is gmail for most of the class")]
    [InlineData("see you @ the park, 4 pm")]
    [InlineData("hello @jane.doe, great photo")]
    [InlineData("use the [.] trick in links like example[.]com to defang them")]
    public void Evaluate_EmailLookAlikes_ReturnsNothing(string text) => Assert.Empty(PiiRuleTests.Evaluate(text));
}
