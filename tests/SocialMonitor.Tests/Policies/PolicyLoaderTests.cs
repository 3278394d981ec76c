using SocialMonitor.Core.Policies;

namespace SocialMonitor.Tests.Policies;

public sealed class PolicyLoaderTests
{
    [Fact]
    public void Load_ShippedPolicy_HasClnFacts()
    {
        var policy = PolicyLoader.Load(Path.Combine(AppContext.BaseDirectory, "policy", "policy.json"));

        Assert.Equal("America/Los_Angeles", policy.TimeZone);
        Assert.Equal(["communitylibrary.net"], policy.OwnDomains);
        Assert.Contains("(208) 555-0140", policy.Contacts.Phones);
        Assert.Contains(new DateOnly(2026, 12, 25), policy.Holidays);
        Assert.Equal(8, policy.Locations.Count);
    }

    [Theory]
    [InlineData("""{"timeZone":"Mars/Olympus","ownDomains":["a.org"],"allowedTopLevelDomains":[],"contacts":{}}""", "$.timeZone")]
    [InlineData("""{"timeZone":"UTC","ownDomains":[],"allowedTopLevelDomains":[],"contacts":{}}""", "$.ownDomains")]
    [InlineData("""{"timeZone":"UTC","ownDomains":["a.org"],"allowedTopLevelDomains":[],"contacts":{},"severities":{"pii.phone":"urgent"}}""", "$.severities.pii.phone")]
    [InlineData("""{"timeZone":"UTC","ownDomains":["a.org"],"allowedTopLevelDomains":[],"contacts":{},"colour":"blue"}""", "colour")]
    [InlineData("""{"timeZone":"UTC","ownDomains":["a.org"],"allowedTopLevelDomains":[],"contacts":{},"holidays":["Christmas"]}""", "$.holidays")]
    [InlineData("""{"timeZone":"UTC","ownDomains":["a.org"],"allowedTopLevelDomains":[],"contacts":{},"businessHours":{"days":["mon"],"start":"17:00","end":"08:00"}}""", "$.businessHours.end")]
    [InlineData("""{"ownDomains":["a.org"],"allowedTopLevelDomains":[],"contacts":{}}""", "timeZone")]
    public void Parse_BadField_NamesFileAndField(string json, string field)
    {
        var error = Assert.Throws<PolicyException>(() => PolicyLoader.Parse(json, "policy.json"));

        Assert.StartsWith("policy.json: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadList_HeaderCommentsAndBlanks_AreDropped() =>
        Assert.Equal(["damn", "heck"], PolicyLoader.ReadList(["# Source: ours (CC0)", "", "  damn ", "heck"]));
}
