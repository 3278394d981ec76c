using SocialMonitor.Core.Accounts;
using SocialMonitor.Tests.Support;

namespace SocialMonitor.Tests.Accounts;

public sealed class AccountsFileReaderTests
{
    // The JSON below is written with single quotes for readability; Json() turns them into double quotes.
    private const string Coordinator = "{'name':'Jordan Avery','email':'coordinator@example.org','objectId':null}";
    private const string Manager = "{'name':'Sam Lee','email':'sam.lee@example.org'}";
    private const string ManagersList = "[" + Manager + "]";
    private const string Token = "cln-hayden-fb-token";

    public static TheoryData<string, string, string> OneProblem => new()
    {
        // invalid JSON and wrong types
        { "{\n  \"coordinator\": oops\n}", "$", "not valid JSON at line 2, position 18" },
        { " \n", "$", "The file is empty" },
        { Json("{'coordinator':{}}}"), "$", "not valid JSON at line 1, position 19" },
        { "[]", "$", "Must be an object; it is an array." },
        { Doc(locations: "{}"), "$.locations", "Must be an array; it is an object." },
        { Doc(coordinator: "{'name':null,'email':'coordinator@example.org'}"), "$.coordinator.name", "Must be a string; it is null." },
        { Doc(locations: Locations(Location(managers: "[{'name':'Sam Lee','email':'sam.lee@example.org','digestHour':'8'}]"))), "$.locations[0].managers[0].digestHour", "it is a string." },
        { Doc(locations: Locations(Location(managers: "[{'name':'Sam Lee','email':'sam.lee@example.org','notify':'immediate'}]"))), "$.locations[0].managers[0].notify", "Must be an object; it is a string." },
        { Doc(accounts: Accounts(Account(token: "12"))), "$.accounts[0].token", "Must be a string naming a secret; it is a number." },
        { Doc(accounts: Accounts(Account(extra: "'refreshToken':true"))), "$.accounts[0].refreshToken", "Must be a string naming a secret; it is true or false." },
        { Doc(accounts: Accounts(Account(extra: "'refreshToken':'has space'"))), "$.accounts[0].refreshToken", "Must name a secret (value not shown)" },
        // unknown and repeated fields
        { Doc(accounts: Accounts(Account(extra: "'platfromId':'1'"))), "$.accounts[0].platfromId", "Unknown field 'platfromId'; did you mean 'platformId'?" },
        { Doc(extra: "'notes':'x'"), "$.notes", "Unknown field 'notes'; the fields here are coordinator, locations, accounts." },
        { Doc(coordinator: "{'name':'Jordan Avery','Email':'coordinator@example.org','email':'coordinator@example.org'}"), "$.coordinator.Email", "did you mean 'email'?" },
        { Doc(locations: Locations(Location(managers: "[{'name':'Sam Lee','email':'sam.lee@example.org','notify':{'urgent':'immediate'}}]"))), "$.locations[0].managers[0].notify.urgent", "Unknown field 'urgent'" },
        { Doc(accounts: Accounts(Account(extra: "'handle':'A','handle':'B'"))), "$.accounts[0].handle", "appears more than once" },
        // missing required fields
        { Doc(coordinator: "{'name':'Jordan Avery'}"), "$.coordinator.email", "Required field 'email' is missing." },
        { Doc(coordinator: null), "$.coordinator", "Required field 'coordinator' is missing." },
        { Doc(accounts: null), "$.accounts", "Required field 'accounts' is missing." },
        { Doc(locations: Locations(Location(id: null)), accounts: "[]"), "$.locations[0].id", "Required field 'id' is missing." },
        { Doc(locations: Locations(Location(id: "'district'")), accounts: "[]"), "$.locations[0].id", "'district' is reserved for the district-wide findings" },
        { Doc(locations: Locations(Location(name: null))), "$.locations[0].name", "Required field 'name' is missing." },
        { Doc(locations: Locations(Location(managers: null))), "$.locations[0].managers", "Required field 'managers' is missing." },
        { Doc(locations: Locations(Location(managers: "[{'email':'sam.lee@example.org'}]"))), "$.locations[0].managers[0].name", "Required field 'name' is missing." },
        { Doc(accounts: Accounts(Account(id: null))), "$.accounts[0].id", "Required field 'id' is missing." },
        { Doc(accounts: Accounts(Account(platform: null))), "$.accounts[0].platform", "Required field 'platform' is missing." },
        { Doc(accounts: Accounts(Account(platformId: null))), "$.accounts[0].platformId", "Required field 'platformId' is missing." },
        { Doc(accounts: Accounts(Account(location: null))), "$.accounts[0].location", "Required field 'location' is missing." },
        { Doc(accounts: Accounts(Account(token: null))), "$.accounts[0].token", "Required field 'token' is missing." },
        // slugs and duplicates
        { Doc(locations: Locations(Location(id: "'Hayden'")), accounts: "[]"), "$.locations[0].id", "Must be a slug" },
        { Doc(locations: Locations(Location(id: "'post--falls'")), accounts: "[]"), "$.locations[0].id", "Must be a slug" },
        { Doc(accounts: Accounts(Account(id: "'cln_hayden_fb'"))), "$.accounts[0].id", "Must be a slug" },
        { Doc(locations: Locations(Location(), Location())), "$.locations[1].id", "Duplicate location id 'hayden': already used at $.locations[0].id." },
        { Doc(accounts: Accounts(Account(), Account())), "$.accounts[1].id", "Duplicate account id 'cln-hayden-fb': already used at $.accounts[0].id." },
        { Doc(locations: Locations(Location(managers: "[" + Manager + ",{'name':'Sam Lee','email':'SAM.LEE@example.org'}]"))), "$.locations[0].managers[1].email", "already a manager of this location, at $.locations[0].managers[0].email" },
        // references and platforms
        { Doc(accounts: Accounts(Account(location: "'haydn'"))), "$.accounts[0].location", "Names no location: there is no location with id 'haydn'; did you mean 'hayden'?" },
        { Doc(accounts: Accounts(Account(location: "'coeur-d-alene'"))), "$.accounts[0].location", "Names no location" },
        { Doc(accounts: Accounts(Account(platform: "'myspace'"))), "$.accounts[0].platform", "Unknown platform 'myspace'" },
        { Doc(accounts: Accounts(Account(platform: "'Facebook'"))), "$.accounts[0].platform", "did you mean 'facebook'?" },
        { Doc(accounts: Accounts(Account(extra: "'use':'persnal'"))), "$.accounts[0].use", "Unknown use 'persnal'; did you mean 'personal'? An account's use is official or personal" },
        { Doc(accounts: Accounts(Account(extra: "'use':true"))), "$.accounts[0].use", "Must be a string" },
        { Doc(accounts: Accounts(Account(platformId: "'CLNHayden'"))), "$.accounts[0].platformId", "Must be a Facebook Page id (digits only); it is 'CLNHayden'." },
        { Doc(accounts: Accounts(Account(platform: "'instagram'", platformId: "'1784140000000000 '"))), "$.accounts[0].platformId", "Must be an Instagram user id" },
        { Doc(accounts: Accounts(Account(platform: "'x'", platformId: "'@CLNHayden'"))), "$.accounts[0].platformId", "Must be an X user id" },
        { Doc(accounts: Accounts(Account(platform: "'youtube'", platformId: "'UC123'"))), "$.accounts[0].platformId", "Must be a YouTube channel id" },
        { Doc(accounts: Accounts(Account(platform: "'linkedin'", platformId: "'urn:li:company:123'"))), "$.accounts[0].platformId", "Must be a LinkedIn organization URN" },
        // values
        { Doc(locations: Locations(Location(managers: "[{'name':'Sam Lee','email':'sam.lee'}]"))), "$.locations[0].managers[0].email", "Must be an email address" },
        { Doc(coordinator: "{'name':'Jordan Avery','email':'Jordan Avery <coordinator@example.org>'}"), "$.coordinator.email", "Must be an email address" },
        { Doc(locations: Locations(Location(managers: "[{'name':'Sam Lee','email':'sam.lee@example.org','notify':{'high':'sometimes'}}]"))), "$.locations[0].managers[0].notify.high", "Must be immediate, digest, none; it is 'sometimes'." },
        { Doc(locations: Locations(Location(managers: "[{'name':'Sam Lee','email':'sam.lee@example.org','digestHour':24}]"))), "$.locations[0].managers[0].digestHour", "from 0 to 23 (the local hour of the digest); it is 24." },
        { Doc(locations: Locations(Location(managers: "[{'name':'Sam Lee','email':'sam.lee@example.org','digestHour':-1}]"))), "$.locations[0].managers[0].digestHour", "it is -1." },
        { Doc(locations: Locations(Location(managers: "[{'name':'Sam Lee','email':'sam.lee@example.org','digestHour':7.5}]"))), "$.locations[0].managers[0].digestHour", "it is 7.5." },
        { Doc(accounts: Accounts(Account(extra: "'approvedOn':'2026-13-01'"))), "$.accounts[0].approvedOn", "Must be a date written yyyy-MM-dd; it is '2026-13-01'." },
        { Doc(accounts: Accounts(Account(extra: "'approvedOn':'01/05/2026'"))), "$.accounts[0].approvedOn", "yyyy-MM-dd" },
        { Doc(accounts: Accounts(Account(extra: "'approvedBy':'Jordan Avery'"))), "$.accounts[0].approvedBy", "Must be an email address" },
        { Doc(accounts: Accounts(Account(extra: "'handle':' '"))), "$.accounts[0].handle", "Must not be empty." },
        { Doc(accounts: Accounts(Account(token: "'cln hayden token'"))), "$.accounts[0].token", "Must name a secret (value not shown)" },
        { Doc(accounts: Accounts(Account(token: "'-token'"))), "$.accounts[0].token", "Must name a secret (value not shown)" },
        { Doc(accounts: Accounts(Account(token: "'EAAGm0PX4ZCpsBAKZCZB'"))), "$.accounts[0].token", "must name a secret and never hold one" },
        { Doc(accounts: Accounts(Account(token: "'" + "a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6a7b8c9d0a1b2c" + "'"))), "$.accounts[0].token", "must name a secret and never hold one" },
        { Doc(coordinator: "{'name':'Jordan Avery','email':'coordinator@example.org','objectId':'jordan'}"), "$.coordinator.objectId", "GUID" },
        { Doc(coordinator: "{'name':'Jordan Avery','email':'coordinator@example.org','objectId':42}"), "$.coordinator.objectId", "Must be a string or null; it is a number." },
        // one person, several places
        {
            Doc(locations: Locations(Location(), Location(id: "'athol'", managers: "[{'name':'Sam Lee','email':'sam.lee@example.org','digestHour':9}]"))),
            "$.locations[1].managers[0]",
            "'sam.lee@example.org' also appears at $.locations[0].managers[0] with a different digestHour;"
        },
        {
            Doc(locations: Locations(Location(), Location(id: "'athol'", managers: "[{'name':'Sam Lee','email':'sam.lee@example.org','notify':{'low':'none'}}]"))),
            "$.locations[1].managers[0]",
            "with a different notify;"
        },
        {
            Doc(locations: Locations(Location(managers: "[{'name':'J. Avery','email':'Coordinator@Example.org'}]"))),
            "$.locations[0].managers[0]",
            "also appears at $.coordinator with a different name;"
        },
    };

    public static TheoryData<string, string> ValidPlatformIds => new()
    {
        { "facebook", "104000000000003" },
        { "instagram", "17841400000000000" },
        { "x", "1300000000000000000" },
        { "youtube", "UCabcdefghijklmnopqr_-01" },
        { "linkedin", "urn:li:organization:1234567" },
    };

    public static TheoryData<string> TokenLeaks => new()
    {
        Doc(accounts: Accounts(Account(token: "'EAAGm0PX4ZCpsBAKZCZB'"))),
        Doc(accounts: Accounts(Account(token: "'EAAGm0PX4ZCpsBAKZCZB.with.dots'"))),
        Doc(accounts: Accounts(Account(token: "'" + new string('Z', 120) + "'"))),
        Doc(accounts: Accounts(Account(token: "'AAAA%2FBBBB%3DCCCC'"))),
        Doc(accounts: Accounts(Account(platformId: "'EAAGm0PX4ZCpsBAKZCZB'", token: "'EAAGm0PX4ZCpsBAKZCZB'"))),
        Doc(accounts: Accounts(Account(platform: "'EAAGm0PX4ZCpsBAKZCZB'", token: "'EAAGm0PX4ZCpsBAKZCZB'"))),
        Doc(accounts: Accounts(Account(extra: "'refreshToken':'1//0gEAAGm0PX4ZCpsBAKZCZB'"))),
    };

    [Theory]
    [MemberData(nameof(OneProblem))]
    public void Read_FileWithOneProblem_ReportsItAtItsPath(string json, string path, string message)
    {
        var result = AccountsFileReader.Read(json);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(path, problem.Path);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.False(result.IsValid);
        Assert.Null(result.File);
    }

    [Theory]
    [InlineData("", null, false)]
    [InlineData("'use':'official'", "official", false)]
    [InlineData("'use':'personal'", "personal", true)]
    public void Read_AccountUse_IsOfficialUnlessPersonal(string extra, string? use, bool personal)
    {
        var result = AccountsFileReader.Read(Doc(accounts: Accounts(Account(extra: extra))));

        Assert.Empty(result.Problems);
        var account = Assert.Single(result.File!.Accounts);
        Assert.Equal((use, personal), (account.Use, account.Personal));
    }

    [Fact]
    public void ReadFile_SampleFile_IsValidWithTheBookmobileWithoutManager()
    {
        var result = AccountsFileReader.ReadFile(Path.Combine(RepositoryPaths.Root, "samples", "accounts.json"));

        Assert.Empty(result.Problems);
        Assert.True(result.IsValid);
        Assert.Equal("coordinator@example.org", result.File.Coordinator.Email);
        Assert.Equal(
            ["athol", "harrison", "hayden", "pinehurst", "post-falls", "rathdrum", "spirit-lake", "bookmobile", "administration"],
            result.File.Locations.Select(location => location.Id));
        Assert.Equal(
            ["Athol", "Harrison", "Hayden", "Pinehurst", "Post Falls", "Rathdrum", "Spirit Lake", "Bookmobile", "District administration"],
            result.File.Locations.Select(location => location.Name));
        Assert.Equal(["coordinator@example.org"], result.File.Locations.Single(location => location.Id == "administration").Managers.Select(m => m.Email));
        var facebook = result.File.Accounts.Where(account => account.Platform == PlatformNames.Facebook).ToList();
        Assert.Equal(
            ["cln-athol-fb", "cln-harrison-fb", "cln-hayden-fb", "cln-pinehurst-fb", "cln-postfalls-fb", "cln-rathdrum-fb", "cln-spiritlake-fb", "cln-bookmobile-fb"],
            facebook.Select(account => account.Id));
        Assert.Equal(
            Enumerable.Range(1, 8).Select(n => $"10400000000000{n}"),
            facebook.Select(account => account.PlatformId));
        Assert.Equal(
            ["cln-district-yt", "cln-postfalls-yt", "cln-district-li", "cln-athol-ig", "cln-hayden-ig", "cln-postfalls-ig", "cln-district-x", "cln-postfalls-x", "cln-hayden-x"],
            result.File.Accounts.Where(account => account.Platform != PlatformNames.Facebook).Select(account => account.Id));
        Assert.All(result.File.Accounts, account =>
        {
            Assert.Equal($"{account.Id}-{(account.Platform == PlatformNames.YouTube ? "key" : "token")}", account.Token); // Each account its own name.
            Assert.Equal("coordinator@example.org", account.ApprovedBy);
            Assert.Equal(2026, account.ApprovedOn?.Year);
        });
        Assert.All(result.File.Locations.Where(location => location.Id != "bookmobile"), location => Assert.InRange(location.Managers.Count, 1, 3));
        Assert.Equal(new ManagerCountWarning("bookmobile", 0), Assert.Single(result.ManagerCountWarnings));
    }

    [Fact]
    public void ReadFile_MissingFile_ReportsAProblemAtTheRoot()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "no-such-folder", "accounts.json");

        var result = AccountsFileReader.ReadFile(path);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("$", problem.Path);
        Assert.Contains("does not exist", problem.Message, StringComparison.Ordinal);
        Assert.Null(result.File);
    }

    [Fact]
    public void ReadFile_Folder_SaysItIsAFolder()
    {
        var result = AccountsFileReader.ReadFile(Path.GetTempPath());

        var problem = Assert.Single(result.Problems);
        Assert.Contains("is a folder: give the accounts file itself", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MinimalFile_IsValid()
    {
        var result = AccountsFileReader.Read(Doc());

        Assert.Empty(result.Problems);
        Assert.True(result.IsValid);
        var account = Assert.Single(result.File.Accounts);
        Assert.Equal(Token, account.Token);
        Assert.Null(account.Handle);
        Assert.Null(account.ApprovedOn);
        Assert.Empty(result.ManagerCountWarnings);
    }

    [Fact]
    public void Read_NotifyAndDigestHourAbsent_DefaultsApplied()
    {
        var result = AccountsFileReader.Read(Doc());

        Assert.True(result.IsValid);
        var manager = Assert.Single(Assert.Single(result.File.Locations).Managers);
        Assert.Equal(new NotifyPreferences("immediate", "immediate", "digest", "digest"), manager.Notify);
        Assert.Equal(8, manager.DigestHour);
        Assert.Null(manager.ObjectId);
        Assert.Equal(NotifyPreferences.Default, result.File.Coordinator.Notify);
    }

    [Fact]
    public void Read_NotifyWithSomeSeverities_OthersTakeTheirDefault()
    {
        var json = Doc(locations: Locations(Location(managers: "[{'name':'Sam Lee','email':'sam.lee@example.org','notify':{'high':'digest','low':'none'},'digestHour':0}]")));

        var result = AccountsFileReader.Read(json);

        Assert.True(result.IsValid);
        var manager = Assert.Single(Assert.Single(result.File.Locations).Managers);
        Assert.Equal(new NotifyPreferences("immediate", "digest", "digest", "none"), manager.Notify);
        Assert.Equal(0, manager.DigestHour);
    }

    [Fact]
    public void Read_OptionalFieldsPresent_AreRead()
    {
        var json = Doc(
            coordinator: "{'name':'Jordan Avery','email':'coordinator@example.org','objectId':'6f1c2a4e-3b5d-4c7e-9a8b-0d1e2f3a4b5c'}",
            accounts: Accounts(Account(extra: "'handle':'CLNHayden','refreshToken':'cln-hayden-oauth','approvedBy':'coordinator@example.org','approvedOn':'2026-01-05'")));

        var result = AccountsFileReader.Read(json);

        Assert.True(result.IsValid);
        Assert.Equal("6f1c2a4e-3b5d-4c7e-9a8b-0d1e2f3a4b5c", result.File.Coordinator.ObjectId);
        var account = Assert.Single(result.File.Accounts);
        Assert.Equal("CLNHayden", account.Handle);
        Assert.Equal("cln-hayden-oauth", account.RefreshToken);
        Assert.Equal("coordinator@example.org", account.ApprovedBy);
        Assert.Equal(new DateOnly(2026, 1, 5), account.ApprovedOn);
    }

    [Theory]
    [MemberData(nameof(ValidPlatformIds))]
    public void Read_PlatformIdInItsPlatformsForm_IsValid(string platform, string platformId)
    {
        var json = Doc(accounts: Accounts(Account(platform: $"'{platform}'", platformId: $"'{platformId}'")));

        var result = AccountsFileReader.Read(json);

        Assert.Empty(result.Problems);
        Assert.Equal(platformId, Assert.Single(result.File!.Accounts).PlatformId);
    }

    [Fact]
    public void Read_SamePersonWithSamePreferencesInTwoLocations_IsValid()
    {
        const string Shared = "[{'name':'Dana Brooks','email':'dana.brooks@example.org','notify':{'low':'none'},'digestHour':9}]";
        const string SharedOtherCase = "[{'name':'Dana Brooks','email':'Dana.Brooks@example.org','notify':{'low':'none'},'digestHour':9}]";
        var json = Doc(locations: Locations(Location(managers: Shared), Location(id: "'athol'", managers: SharedOtherCase)));

        var result = AccountsFileReader.Read(json);

        Assert.Empty(result.Problems);
        Assert.Equal(2, result.File!.Locations.Count);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(3, false)]
    [InlineData(4, true)]
    public void Read_ManagerCount_WarnsOnlyForNoneOrMoreThanThree(int count, bool warned)
    {
        var managers = "[" + string.Join(",", Enumerable.Range(1, count).Select(n => $"{{'name':'Manager {n}','email':'manager{n}@example.org'}}")) + "]";

        var result = AccountsFileReader.Read(Doc(locations: Locations(Location(managers: managers))));

        Assert.True(result.IsValid);
        if (warned)
        {
            Assert.Equal(new ManagerCountWarning("hayden", count), Assert.Single(result.ManagerCountWarnings));
        }
        else
        {
            Assert.Empty(result.ManagerCountWarnings);
        }
    }

    [Fact]
    public void Read_SeveralProblems_AllReportedInDocumentOrder()
    {
        var json = Json(
            "{'accounts':[" + Account(platform: "'myspace'") + "," + Account(id: "'cln-athol-fb'", location: "'atho'") + "],"
            + "'coordinator':{'name':'Jordan Avery','email':'coordinator'},"
            + "'locations':[" + Location(id: "'Hayden'") + "," + Location(id: "'athol'", managers: "[{'email':'x@example.org','digestHour':30}]") + "],"
            + "'extra':true}");

        var result = AccountsFileReader.Read(json);

        Assert.Equal(
            [
                "$.accounts[0].platform",
                "$.accounts[0].location",
                "$.accounts[1].location",
                "$.coordinator.email",
                "$.locations[0].id",
                "$.locations[1].managers[0].digestHour",
                "$.locations[1].managers[0].name",
                "$.extra",
            ],
            result.Problems.Select(problem => problem.Path));
        Assert.Null(result.File);
    }

    [Theory]
    [MemberData(nameof(TokenLeaks))]
    public void Read_TokenValue_NeverAppearsInAMessage(string json)
    {
        var result = AccountsFileReader.Read(json);

        Assert.NotEmpty(result.Problems);
        Assert.All(result.Problems, problem =>
        {
            Assert.DoesNotContain("EAAGm0PX4ZCpsBAKZCZB", problem.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("ZZZZZZZZZZ", problem.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("AAAA%2FBBBB", problem.ToString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void ToString_Problem_IsPathColonMessage()
    {
        var problem = new AccountsFileProblem("$.locations[2].managers[0].email", "Must be an email address.");

        Assert.Equal("$.locations[2].managers[0].email: Must be an email address.", problem.ToString());
    }

    private static string Doc(string? coordinator = Coordinator, string? locations = "[" + DefaultLocation + "]", string? accounts = "[" + DefaultAccount + "]", string extra = "") =>
        Json("{" + Fields(("coordinator", coordinator), ("locations", locations), ("accounts", accounts)) + (extra.Length == 0 ? "" : "," + extra) + "}");

    private static string Locations(params string[] locations) => "[" + string.Join(",", locations) + "]";

    private static string Accounts(params string[] accounts) => "[" + string.Join(",", accounts) + "]";

    private const string DefaultLocation = "{'id':'hayden','name':'Hayden','managers':" + ManagersList + "}";

    private const string DefaultAccount = "{'id':'cln-hayden-fb','platform':'facebook','platformId':'104000000000003','location':'hayden','token':'" + Token + "'}";

    /// <summary>A location; each argument is raw JSON, null to leave the field out.</summary>
    private static string Location(string? id = "'hayden'", string? name = "'Hayden'", string? managers = ManagersList) =>
        "{" + Fields(("id", id), ("name", name), ("managers", managers)) + "}";

    /// <summary>An account; each argument is raw JSON, null to leave the field out; <paramref name="extra"/> adds fields.</summary>
    private static string Account(
        string? id = "'cln-hayden-fb'",
        string? platform = "'facebook'",
        string? platformId = "'104000000000003'",
        string? location = "'hayden'",
        string? token = "'" + Token + "'",
        string extra = "") =>
        "{" + Fields(("id", id), ("platform", platform), ("platformId", platformId), ("location", location), ("token", token))
        + (extra.Length == 0 ? "" : "," + extra) + "}";

    private static string Fields(params (string Name, string? Value)[] fields) =>
        string.Join(",", fields.Where(field => field.Value is not null).Select(field => $"'{field.Name}':{field.Value}"));

    private static string Json(string singleQuoted) => singleQuoted.Replace('\'', '"');
}
