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
    [InlineData("""{"timeZone":"UTC","ownDomains":["a.org"],"allowedTopLevelDomains":[],"contacts":{},"severities":{"pii.phone":"urgent"}}""", "$.severities['pii.phone']")]
    [InlineData("""{"timeZone":"UTC","ownDomains":["a.org"],"allowedTopLevelDomains":[],"contacts":{},"colour":"blue"}""", "colour")]
    [InlineData("""{"timeZone":"UTC","ownDomains":["a.org"],"allowedTopLevelDomains":[],"contacts":{},"holidays":["Christmas"]}""", "$.holidays")]
    [InlineData("""{"timeZone":"UTC","ownDomains":["a.org"],"allowedTopLevelDomains":[],"contacts":{},"businessHours":{"days":["mon"],"start":"17:00","end":"08:00"}}""", "$.businessHours.end")]
    [InlineData("""{"ownDomains":["a.org"],"allowedTopLevelDomains":[],"contacts":{}}""", "$.timeZone: is required")]
    [InlineData("""{"timeZone":"UTC","ownDomains":["Communitylibrary.NET"],"allowedTopLevelDomains":[],"contacts":{}}""", "$.ownDomains[0]")]
    [InlineData("""{"timeZone":"UTC","ownDomains":["a.org"],"allowedTopLevelDomains":[".gov"],"contacts":{}}""", "$.allowedTopLevelDomains[0]")]
    [InlineData("""{"timeZone":"UTC","ownDomains":["a.org"],"allowedTopLevelDomains":[],"contacts":{},"locations":[{"id":"Hayden Branch","name":"Hayden"}]}""", "$.locations[0].id")]
    [InlineData("""{"timeZone":"UTC","ownDomains":["a.org"],"allowedTopLevelDomains":[],"contacts":{},"locations":[{"id":"hayden","name":"Hayden","hours":{"mon":"9-5"}}]}""", "$.locations[0].hours.mon")]
    [InlineData("""{"timeZone":"UTC","ownDomains":["a.org"],"allowedTopLevelDomains":[],"contacts":{},"sla":{"critical":0}}""", "$.sla.critical")]
    [InlineData("""{"timeZone":"UTC","ownDomains":["a.org"],"allowedTopLevelDomains":[],"contacts":{},"shorteners":["https://bit.ly"]}""", "$.shorteners[0]")]
    [InlineData("""{"timeZone":"UTC","ownDomains":["a.org"],"allowedTopLevelDomains":[],"contacts":{},"lists":{"conduct.profanity":"../secrets.txt"}}""", "$.lists['conduct.profanity']")]
    [InlineData("""{"timeZone":"UTC","ownDomains":["a.org"],"allowedTopLevelDomains":[],"contacts":{"phones":"208"}}""", "$.contacts.phones")]
    [InlineData("""{"timeZone":"UTC","ownDomains":["a.org"],"allowedTopLevelDomains":[],"contacts":{},"classifier":{"categories":{"Violent":"conduct.threat"}}}""", "$.classifier.categories")]
    [InlineData("""{"timeZone":"UTC","ownDomains":["a.org"],"allowedTopLevelDomains":[],"contacts":{},"classifier":{"categories":{"Hate":"pii.phone"}}}""", "$.classifier.categories.Hate")]
    [InlineData("""{"timeZone":"UTC","ownDomains":["a.org"],"allowedTopLevelDomains":[],"contacts":{},"classifier":{"officialItems":"yes"}}""", "$.classifier.officialItems")]
    [InlineData("""{"timeZone":"UTC",""", "is not valid JSON")]
    public void Parse_BadField_NamesFileAndField(string json, string field)
    {
        var error = Assert.Throws<PolicyException>(() => PolicyLoader.Parse(json, "policy.json"));

        Assert.StartsWith("policy.json: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"timeZone":"UTC","ownDomains":["a.org"],"allowedTopLevelDomains":[],"contacts":{},"locations":[{"id":"athol","name":"Athol","phone":"(208) 555-0101"},{"id":"hayden","name":"Hayden","phone":null},{"id":"rathdrum","name":"Rathdrum","phone":"(208) 555-0170"}],"shortners":[]}""",
        "policy.json: $.shortners: is not a field of the policy; did you mean 'shorteners'?")]
    [InlineData("""{"timeZone":"UTC","ownDomains":["a.org"],"allowedTopLevelDomains":[],"contacts":{},"locations":[{"id":"athol","name":"Athol","phone":"(208) 555-0101"},{"id":"hayden","name":"Hayden","phnoe":"(208) 555-0140"},{"id":"rathdrum","name":"Rathdrum","phone":"(208) 555-0170"}]}""",
        "policy.json: $.locations[1].phnoe: is not a field of the policy; did you mean 'phone'?")]
    public void Parse_MisspelledKey_ReportsOnlyItWithTheFieldItMeant(string json, string message)
    {
        var error = Assert.Throws<PolicyException>(() => PolicyLoader.Parse(json, "policy.json"));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Load_ShippedPolicy_MapsEachClassifierCategoryToAConductRule()
    {
        var policy = PolicyLoader.Load(Path.Combine(AppContext.BaseDirectory, "policy", "policy.json"));

        Assert.Equal(
            [("Hate", "conduct.hate"), ("SelfHarm", "conduct.self-harm"), ("Sexual", "conduct.sexual"), ("Violence", "conduct.threat")],
            policy.Classifier.Categories.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, c.Value)));
        Assert.False(policy.Classifier.OfficialItems);
        Assert.Contains(policy.Classifier.SafetyContacts, c => c.Contains("988", StringComparison.Ordinal));
        Assert.Equal("critical", policy.SeverityOf("conduct.self-harm", "low"));
    }

    [Fact]
    public void Parse_SeveralProblems_NamesEach()
    {
        var error = Assert.Throws<PolicyException>(() => PolicyLoader.Parse("""{"timeZone":"UTC","ownDomains":[],"allowedTopLevelDomains":[],"contacts":{},"colour":1}""", "p.json"));

        Assert.Equal("$.ownDomains", error.Field);
        Assert.Contains("$.colour: is not a field of the policy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ShippedPolicy_ApprovesNoExternalDestination()
    {
        var policy = PolicyLoader.Load(Path.Combine(AppContext.BaseDirectory, "policy", "policy.json"));

        Assert.Equal(["edu", "gov"], policy.AllowedTopLevelDomains);
        Assert.Equal(["communitylibrary.net"], policy.OwnDomains);
        Assert.Contains("bit.ly", policy.Shorteners);
    }

    [Fact]
    public void Load_ListMissingBesideThePolicy_NamesTheList()
    {
        var directory = Directory.CreateTempSubdirectory("policy-").FullName;
        var file = Path.Combine(directory, "policy.json");
        File.WriteAllText(file, """{"timeZone":"UTC","ownDomains":["a.org"],"allowedTopLevelDomains":[],"contacts":{},"lists":{"conduct.profanity":"lists/profanity.txt"}}""");

        var error = Assert.Throws<PolicyException>(() => PolicyLoader.Load(file));

        Assert.Equal("$.lists['conduct.profanity']", error.Field);
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public void Load_ListBesideThePolicy_IsRead()
    {
        var directory = Directory.CreateTempSubdirectory("policy-").FullName;
        Directory.CreateDirectory(Path.Combine(directory, "lists"));
        File.WriteAllText(Path.Combine(directory, "lists", "terms.txt"), "# ours\nheck\n");
        var file = Path.Combine(directory, "policy.json");
        File.WriteAllText(file, """{"$schema":"./policy.schema.json","timeZone":"UTC","ownDomains":["a.org"],"allowedTopLevelDomains":[],"contacts":{},"lists":{"t":"lists/terms.txt"}}""");

        var policy = PolicyLoader.Load(file);

        Assert.Equal(["heck"], policy.List("t"));
        Directory.Delete(directory, recursive: true);
    }

    [Theory]
    [InlineData("2026-10-02T06:59:00Z", "2026-10-01")]
    [InlineData("2026-10-02T07:00:00Z", "2026-10-02")]
    public void LocalDate_Instant_IsTheDateInThePolicyTimeZone(string at, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            Support.TestPolicy.Default.LocalDate(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void ReadList_HeaderCommentsAndBlanks_AreDropped() =>
        Assert.Equal(["damn", "heck"], PolicyLoader.ReadList(["# Source: ours (CC0)", "", "  damn ", "heck"]));
}
