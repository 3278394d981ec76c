using SocialMonitor.Core.Items;
using SocialMonitor.Core.Rules;
using SocialMonitor.Core.Rules.Pii;
using SocialMonitor.Tests.Support;

namespace SocialMonitor.Tests.Rules.Pii;

public sealed class PiiRuleTests
{
    private static readonly PiiRule Rule = new();

    /// <summary>The rule on a comment with <paramref name="text"/>, with the shipped policy (also for <see cref="PiiWrittenFormsTests"/>).</summary>
    internal static List<Detection> Evaluate(string text, string origin = ItemOrigins.Guest) =>
        [.. Rule.Evaluate(new Item { Id = "c1", Text = text, Origin = origin }, new RuleContext(DateTimeOffset.UnixEpoch, ShippedPolicy.Value))];

    [Theory]
    [InlineData("My cell is 208-555-0199, call me", "pii.phone", "***-***-0199", "208-555-0199")]
    [InlineData("Lost cat! Call (208)555-0105", "pii.phone", "***-***-0105", "555-0105")]
    [InlineData("reach me at +1 208 555 0181", "pii.phone", "***-***-0181", "208 555 0181")]
    [InlineData("my number 2085550147", "pii.phone", "***-***-0147", "2085550147")]
    [InlineData("Tutor available, call 555-0188", "pii.phone", "***-0188", "555-0188")]
    [InlineData("Email me at jenny.miller84@gmail.com", "pii.email", "j***@gmail.com", "jenny.miller84")]
    [InlineData("my email is kathy dot r at gmail dot com", "pii.email", "k***@gmail.com", "kathy dot r")]
    [InlineData("Contact: jane.doe at gmail.com", "pii.email", "j***@gmail.com", "jane.doe")]
    [InlineData("Free firewood at 1423 W Prairie Ave", "pii.address", "*** P*** Ave", "1423")]
    [InlineData("Send it to PO Box 1182, Hayden", "pii.address", "PO Box ***", "1182")]
    [InlineData("My card number is 21234000567890", "pii.library-card", "**********7890", "21234000567890")]
    [InlineData("card 2 1234 00789 0123 please", "pii.library-card", "**********0123", "00789")]
    [InlineData("The form asks for my SSN 531-28-7734", "pii.ssn", "***-**-7734", "531-28")]
    [InlineData("ssn: 287654321", "pii.ssn", "***-**-4321", "287654321")]
    [InlineData("pay with 4111 1111 1111 1111 exp 09/28", "pii.payment-card", "**** **** **** 1111", "4111 1111 1111")]
    [InlineData("My Amex 3782 822463 10005 was declined", "pii.payment-card", "**** **** **** 0005", "822463")]
    public void Evaluate_PersonalData_IsFoundAndOnlyEverMasked(string text, string rule, string masked, string raw)
    {
        var detection = Assert.Single(Evaluate(text));

        Assert.Equal((rule, masked), (detection.Rule, detection.EvidenceKey));
        Assert.Contains(masked, detection.Evidence, StringComparison.Ordinal);
        Assert.All([detection.Evidence, detection.EvidenceKey, detection.Explanation], field => Assert.DoesNotContain(raw, field, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("pii.ssn", Severities.Critical)]
    [InlineData("pii.payment-card", Severities.Critical)]
    [InlineData("pii.phone", Severities.High)]
    public void Evaluate_Severity_FollowsDesign(string rule, string severity)
    {
        var text = "SSN 531-28-7734, card 4111 1111 1111 1111, phone 208-555-0199";

        Assert.Equal(severity, Assert.Single(Evaluate(text), d => d.Rule == rule).Severity);
    }

    [Theory]
    [InlineData("Questions? Call us at (208) 555-0140 or +1 208 555 0140.")]
    [InlineData("Email info@communitylibrary.net or teens@communitylibrary.net or sam@hayden.communitylibrary.net")]
    [InlineData("Visit us at 8385 N Government Way, Hayden ID 83835.")]
    public void Evaluate_LibrarysPublishedContacts_ReturnsNothing(string text) => Assert.Empty(Evaluate(text, ItemOrigins.Official));

    [Theory]
    [InlineData("Looking for ISBN 978-0-316-76948-8 and ISBN 8175257660")]
    [InlineData("ISBN-13: 9780143127741")]
    [InlineData("Call number 641.5973 SMI; LC PS3562.E353 T6 1960; Dewey 979.6")]
    [InlineData("Due 10/15/2026; the 2026-2027 budget is $3,412,500; founded in 1906")]
    [InlineData("Item barcode 31234000567890; order #4111 1111 1111 1112")]
    [InlineData("Essay contest: 250-1000 words; page 213-215; tax ID 82-1234567")]
    [InlineData("Read 20 books this summer, the best way to beat the slide")]
    [InlineData("@CLNHayden thanks! Telegram @davidfx")]
    [InlineData("Tickets at eventbrite.com, details at communitylibrary.net")]
    public void Evaluate_NumbersAndHandlesThatAreNotPersonalData_ReturnsNothing(string text) => Assert.Empty(Evaluate(text));

    [Fact]
    public void Evaluate_TwoPhones_ReturnsOneEach() =>
        Assert.Equal(["***-***-0122", "***-***-0123"], Evaluate("old 208-555-0122, new 208-555-0123").Select(d => d.EvidenceKey));

    [Fact]
    public void Evaluate_OfficialReplyRepeatingMembersData_SaysSo() =>
        Assert.StartsWith("An official post or reply must never repeat a member's phone number",
            Assert.Single(Evaluate("Hi Marla, we'll call you back at (208) 555-0172.", ItemOrigins.Official)).Explanation, StringComparison.Ordinal);
}
