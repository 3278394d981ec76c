using SocialMonitor.Core.Rules;

namespace SocialMonitor.Tests.Rules.Pii;

/// <summary>Street addresses written without the usual order or type, and the hard negatives beside them.</summary>
public sealed class PiiAddressFormsTests
{
    [Theory]
    [InlineData("we live at 4410 E Hwy 53, Rathdrum")]
    [InlineData("drop it at 1187 N Route 97 please")]
    [InlineData("she lives at 77½ S 3rd St now")]
    [InlineData("mail it to PO Drawer 12, Athol")]
    [InlineData("RR 2 Box 31 past the grange")]
    [InlineData("HC 1 Box 77, by the creek")]
    [InlineData("Box 415, Athol ID 83801 is ours")]
    [InlineData("come by, we're 4120 W Seltice with the blue fence")]
    [InlineData("leave the books at 2208 Birch, Hayden, on the step")]
    [InlineData("We're on Locust Ave, number 311, by the school")]
    [InlineData("vivimos en el 118 de la calle Pine, Athol")]
    [InlineData("House number is 42. Street is Cedar Ln.")]
    public void Evaluate_AddressWrittenAnotherWay_IsFound(string text) =>
        Assert.Equal("pii.address", Assert.Single(PiiRuleTests.Evaluate(text)).Rule);

    [Theory]
    [InlineData("take exit 12 Hwy 95 north, then left")]
    [InlineData("the road trip covered 300 Hwy 95 curves")]
    [InlineData("the Box 12 set is on the shelf")]
    [InlineData("we meet at 1000 on Saturday, W Hall")]
    [InlineData("in 2024 Hayden, Athol and Harrison read the most")]
    [InlineData("on 12 March, Athol holds storytime")]
    [InlineData("the trip goes to Farragut State Park, 13550 E Hwy 54, Athol")]
    public void Evaluate_AddressLookAlikes_ReturnsNothing(string text) => Assert.Empty(PiiRuleTests.Evaluate(text));
}
