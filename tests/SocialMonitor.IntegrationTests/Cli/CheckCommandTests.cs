using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Approvals;
using SocialMonitor.Core.Audit;
using SocialMonitor.Core.Rules;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Cli;

/// <summary><c>socialmonitor check</c> and <c>approvals</c>, run as the real program.</summary>
public sealed class CheckCommandTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private static readonly string[] FindingFields = ["rule", "family", "severity", "clause", "evidence", "explanation", "advice"];

    private readonly string _directory = Directory.CreateTempSubdirectory("socialmonitor-check-").FullName;

    /// <summary>No storage: a connection string to a port where nothing listens, so any storage call would fail.</summary>
    private static Dictionary<string, string> NoStorage => new()
    {
        ["AzureWebJobsStorage"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;",
    };

    private Dictionary<string, string> WithAzurite => new() { ["AzureWebJobsStorage"] = azurite.ConnectionString };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Check_TextWithShortener_PrintsTableWithSpanHighlightedAndExits2()
    {
        var result = await CliProcess.RunAsync(NoStorage, _directory, "check", "Free tickets for everyone, sign up here: bit.ly/3xYz", "--origin", "guest");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Contains("draft: 1 finding", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("link-domain.shortener", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("sign up here: »bit.ly/3xYz«", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("41-52", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("bit.ly is a link shortener that hides where the link goes", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"what to do: {RuleTexts.For("link-domain.shortener").Advice}", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_TextFindings_ShowEachSpanInItsContextNotLinks()
    {
        var result = await CliProcess.RunAsync(NoStorage, _directory, "check",
            "The wifi is down again, shit, again. Call Dana at 208-555-0199 tonight", "--origin", "guest");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("conduct.profanity", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("down again, »shit«, again. Call", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("pii.phone", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Call Dana at »208-555-0199« tonight", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("24-28", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("links", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_CleanText_Exits0()
    {
        var result = await CliProcess.RunAsync(NoStorage, _directory, "check", "Holiday hours at communitylibrary.net/hours and tax help at irs.gov.", "--origin", "official", "--platform", "facebook");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("draft: no findings.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_InputJsonlWithBadLines_WritesOneJsonLinePerGoodLineInOrderAndExits1()
    {
        var input = await WriteAsync("items.jsonl",
            """{"id":"a","text":"Tickets https://www.eventbrite.com/e/1 and bit.ly/x"}""",
            """{"id":"b","text":"Hours at communitylibrary.net"}""",
            """{"id":"c","text":"unterminated""",
            "",
            """{"id":"d","txt":"typo"}""",
            """{"id":"e","platform":"x","text":"Forms https://t.co/f1","links":["https://www.irs.gov/forms"]}""");

        var result = await CliProcess.RunAsync(NoStorage, _directory, "check", "--input", input, "--format", "jsonl");

        Assert.Equal(1, result.ExitCode);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var parsed = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["a", "b", "e"], parsed.Select(p => p.GetProperty("id").GetString()));
        Assert.All(parsed, p => Assert.Equal(["id", "findings"], p.EnumerateObject().Select(o => o.Name)));
        var findings = parsed[0].GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(["link-domain.unapproved", "link-domain.shortener"], findings.Select(f => f.GetProperty("rule").GetString()));
        Assert.All(findings, f => Assert.Equal(FindingFields, f.EnumerateObject().Select(o => o.Name)));
        Assert.Equal("link-domain", findings[0].GetProperty("family").GetString());
        Assert.Equal("medium", findings[0].GetProperty("severity").GetString());
        Assert.StartsWith("Linking to external websites 1:", findings[0].GetProperty("clause").GetString(), StringComparison.Ordinal);
        Assert.Equal("https://www.eventbrite.com/e/1", findings[0].GetProperty("evidence").GetString());
        Assert.Equal(RuleTexts.For("link-domain.unapproved").Advice, findings[0].GetProperty("advice").GetString()); // What the emails say.
        Assert.Empty(parsed[1].GetProperty("findings").EnumerateArray());
        Assert.Empty(parsed[2].GetProperty("findings").EnumerateArray());
        Assert.Contains("line 3: not valid JSON", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("line 5: \"text\" is missing", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("line 4", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_InputJsonlWithNullsInArrays_ReportsEachBadLineByFieldAndChecksTheRest()
    {
        var input = await WriteAsync("nulls.jsonl",
            """{"id":"a","text":"Story time","media":[null]}""",
            """{"id":"b","text":"Hours at communitylibrary.net"}""",
            """{"id":"c","text":"Forms","links":[null]}""",
            """{"id":"d","text":"Sign up bit.ly/x"}""");

        var result = await CliProcess.RunAsync(NoStorage, _directory, "check", "--input", input, "--format", "jsonl");

        Assert.Equal(1, result.ExitCode);
        var ids = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString());
        Assert.Equal(["b", "d"], ids);
        Assert.Contains("line 1: $.media[0]: must be an object, not null", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("line 3: $.links[0]: must be a string, not null", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"id":"a","text":"see eventbrite.com/e/1"}""", 2)]
    [InlineData("""{"id":"a","text":"see irs.gov"}""", 0)]
    public async Task Check_InputJsonlAllGood_Exits2WhenFoundElse0(string line, int exitCode)
    {
        var input = await WriteAsync("items.jsonl", line);

        var result = await CliProcess.RunAsync(NoStorage, _directory, "check", "--input", input, "--format", "jsonl");

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Single(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString() == "a");
    }

    [Fact]
    public async Task Check_InputPhotoAltTextNullOrEmpty_OnlyEmptyIsAFinding()
    {
        var input = await WriteAsync("media.jsonl", string.Join('\n',
            """{"id":"unknown","text":"Photos!","kind":"post","origin":"official","media":[{"type":"photo","url":"https://cdn.example.net/a.jpg","altText":null,"captions":null}]}""",
            """{"id":"missing","text":"Photos!","kind":"post","origin":"official","media":[{"type":"photo","url":"https://cdn.example.net/a.jpg","altText":"","captions":false}]}"""));

        var result = await CliProcess.RunAsync(NoStorage, _directory, "check", "--input", input, "--format", "jsonl");

        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(0, lines[0].GetProperty("findings").GetArrayLength());
        Assert.Equal("accessibility.alt-text", Assert.Single(lines[1].GetProperty("findings").EnumerateArray()).GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Check_ApprovalsFile_HonoursApprovalsInScope()
    {
        var approvals = await WriteAsync("approvals.json",
            """[{"id":"a1","match":"domain","value":"eventbrite.com","scope":"hayden","approver":"coordinator@example.org","date":"2026-01-01","expires":null,"note":null,"revokedAt":null,"revokedBy":null}]""");

        var inScope = await CliProcess.RunAsync(NoStorage, _directory, "check", "eventbrite.com/e/1", "--approvals", approvals, "--location", "hayden");
        var outOfScope = await CliProcess.RunAsync(NoStorage, _directory, "check", "eventbrite.com/e/1", "--approvals", approvals, "--location", "athol");

        Assert.Equal(0, inScope.ExitCode);
        Assert.Equal(2, outOfScope.ExitCode);
        Assert.Contains("(approval a1 covers only hayden)", outOfScope.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_BadApprovalsFile_Exits1NamingThePath()
    {
        var approvals = await WriteAsync("approvals.json", """[{"id":"a1","match":"domain","value":"co.uk","approver":"c@example.org","date":"2026-01-01"}]""");

        var result = await CliProcess.RunAsync(NoStorage, _directory, "check", "eventbrite.com/e/1", "--approvals", approvals);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("$[0].value: 'co.uk' is a public suffix", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_BadPolicyFile_Exits1NamingPathFieldAndReason()
    {
        var policy = await WriteAsync("policy.json", """{"timeZone":"America/Los_Angeles","ownDomains":["communitylibrary.net"],"allowedTopLevelDomains":["edu","gov"],"contacts":{},"severities":{"link-domain.unapproved":"urgent"}}""");
        var environment = NoStorage;
        environment["Policy__Path"] = policy;

        var result = await CliProcess.RunAsync(environment, _directory, "check", "irs.gov");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"bad policy: {policy}: $.severities['link-domain.unapproved']: value should match one of the values specified by the enum (found \"urgent\")", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_ResolveToALoopbackShortener_IsRefusedWhateverTheSettings()
    {
        await using var shortener = await RedirectServer.StartAsync(new Dictionary<string, string> { ["/x"] = "https://www.irs.gov" }, Ct);
        var environment = NoStorage;
        environment["Links__Shorteners"] = "127.0.0.1";
        environment["Links__Resolve"] = "true";

        var result = await CliProcess.RunAsync(environment, _directory, "check", $"see {shortener.BaseUrl}/x", "--resolve", "--format", "table");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("link-domain.shortener", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("refused: 127.0.0.1 is a loopback address", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(shortener.Requests);
    }

    [Fact]
    public async Task Check_NeitherTextNorInput_Exits1()
    {
        var result = await CliProcess.RunAsync(NoStorage, _directory, "check");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("give the text to check, or --input FILE", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Approvals_AddListRevoke_ChangeWhatCheckWithStorageAllowsAndAreAudited()
    {
        await azurite.ResetAsync(Ct);

        var add = await CliProcess.RunAsync(WithAzurite, _directory, "approvals", "add", "--match", "prefix",
            "--value", "https://www.eventbrite.com/o/community-library-network-30512345", "--scope", "all",
            "--approver", "coordinator@example.org", "--expires", "2099-12-31", "--note", "CLN organiser page");
        var id = JsonDocument.Parse(add.Stdout).RootElement.GetProperty("id").GetString()!;
        var list = await CliProcess.RunAsync(WithAzurite, _directory, "approvals", "list", "--format", "json");
        var allowed = await CliProcess.RunAsync(WithAzurite, _directory, "check", "https://www.eventbrite.com/o/community-library-network-30512345/events", "--use-storage");
        var listFile = await WriteAsync("listed.json", list.Stdout);
        var allowedFromFile = await CliProcess.RunAsync(NoStorage, _directory, "check", "https://www.eventbrite.com/o/community-library-network-30512345", "--approvals", listFile);
        var revoke = await CliProcess.RunAsync(WithAzurite, _directory, "approvals", "revoke", id, "--by", "coordinator@example.org", "--reason", "page moved");
        var afterRevoke = await CliProcess.RunAsync(WithAzurite, _directory, "check", "https://www.eventbrite.com/o/community-library-network-30512345/events", "--use-storage");
        var table = await CliProcess.RunAsync(WithAzurite, _directory, "approvals", "list");

        Assert.Equal(0, add.ExitCode);
        Assert.Matches("^link-[0-9a-f]{12}$", id);
        Assert.Equal(0, list.ExitCode);
        Assert.Equal(id, Assert.Single(JsonDocument.Parse(list.Stdout).RootElement.EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(0, allowed.ExitCode);
        Assert.Equal(0, allowedFromFile.ExitCode);
        Assert.Equal(0, revoke.ExitCode);
        Assert.Equal(2, afterRevoke.ExitCode);
        Assert.Contains("revoked", table.Stderr, StringComparison.Ordinal);
        await using var services = TestHost.Create(azurite);
        var history = await services.GetRequiredService<AuditLog>().HistoryAsync(ApprovalService.Subject, id, Ct);
        Assert.Equal(["revoke", "add"], history.Select(e => e.Action));
        Assert.Equal("page moved", history[0].Why);
    }

    [Theory]
    [InlineData("--value", "com", "value: 'com' is a public suffix")]
    [InlineData("--scope", "Hayden Branch", "scope: 'Hayden Branch'")]
    [InlineData("--approver", "coordinator", "approver: 'coordinator'")]
    public async Task ApprovalsAdd_BadApproval_Exits1AndWritesNothing(string option, string value, string problem)
    {
        await azurite.ResetAsync(Ct);
        var arguments = new Dictionary<string, string> { ["--match"] = "domain", ["--value"] = "eventbrite.com", ["--approver"] = "coordinator@example.org", [option] = value };

        var result = await CliProcess.RunAsync(WithAzurite, _directory, ["approvals", "add", .. arguments.SelectMany(a => new[] { a.Key, a.Value })]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(problem, result.Stderr, StringComparison.Ordinal);
        await using var services = TestHost.Create(azurite);
        Assert.Empty(await services.GetRequiredService<ApprovalStore>().ListAsync(Ct));
    }

    [Fact]
    public async Task ApprovalsRevoke_UnknownId_Exits1()
    {
        await azurite.ResetAsync(Ct);

        var result = await CliProcess.RunAsync(WithAzurite, _directory, "approvals", "revoke", "link-000000000000", "--by", "coordinator@example.org");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("There is no links approval 'link-000000000000'", result.Stderr, StringComparison.Ordinal);
    }

    private async Task<string> WriteAsync(string name, params string[] lines)
    {
        var path = Path.Combine(_directory, name);
        await File.WriteAllLinesAsync(path, lines, Ct);
        return path;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
