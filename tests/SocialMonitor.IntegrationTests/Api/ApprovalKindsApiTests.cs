using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Approvals;
using SocialMonitor.Core.Audit;
using SocialMonitor.Core.Evaluation;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Storage;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Api;

/// <summary>
/// <c>/api/approvals/{kind}</c> for every kind: validation naming the field, a manager's scoping, revocation with a
/// reason, rows in the shape links were always stored in, the import, the CLI and the API sharing one path, and a link
/// approval resolving the findings it covers.
/// </summary>
public sealed class ApprovalKindsApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("socialmonitor-approvals-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("accounts", """{"scope":"cln-nowhere-fb"}""", "scope: 'cln-nowhere-fb'")]
    [InlineData("accounts", """{"scope":"cln-hayden-fb","value":"cln-rathdrum-fb"}""", "value:")]
    [InlineData("access", """{"value":"not-an-email","role":"CREATE_CONTENT","person":"Casey","scope":"cln-hayden-fb"}""", "value: 'not-an-email'")]
    [InlineData("access", """{"value":"casey@example.org","role":"OWNER","person":"Casey","scope":"cln-hayden-fb"}""", "role: 'OWNER' is not a facebook role")]
    [InlineData("access", """{"value":"casey@example.org","role":"CREATE_CONTENT","scope":"cln-hayden-fb"}""", "person:")]
    [InlineData("access", """{"value":"casey@example.org","role":"CREATE_CONTENT","person":"Casey","scope":"hayden"}""", "scope:")]
    [InlineData("access", """{"value":"casey@example.org","role":"CREATE_CONTENT","person":"Casey","scope":"cln-hayden-fb","closesOn":"2026-01-01"}""", "closesOn:")]
    [InlineData("access", """{"value":"casey@example.org","role":"CREATE_CONTENT","person":"Casey","scope":"cln-hayden-fb","match":"domain"}""", "match: does not apply to access")]
    [InlineData("apps", """{"value":"app id with spaces","appName":"Hootsuite"}""", "value:")]
    [InlineData("apps", """{"value":"350685531728"}""", "appName:")]
    [InlineData("attestations", """{"value":"feelings","statement":"All good.","scope":"cln-hayden-ig"}""", "value: 'feelings'")]
    [InlineData("attestations", """{"value":"roles","scope":"cln-hayden-ig"}""", "statement:")]
    [InlineData("links", """{"match":"domain","value":"example.org","role":"MANAGE"}""", "role: does not apply to links")]
    public async Task Post_BadValueOfEachKind_Is400NamingTheField(string kind, string body, string named)
    {
        await using var api = await ApiHost.StartAsync(azurite, ApiHost.Serve, Ct);
        using var client = api.Client(ApiHost.CoordinatorKey);

        var response = await client.PostAsync($"/api/approvals/{kind}", Json(body), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(await api.Services.GetRequiredService<ApprovalStore>().ListAsync(kind, Ct), a => a.Id.StartsWith(kind[..3], StringComparison.Ordinal) && !a.Id.Contains("import", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_EachKind_StoresItsValueWithThePolicysDefaults()
    {
        await using var api = await ApiHost.StartAsync(azurite, ApiHost.Serve, Ct);
        using var client = api.Client(ApiHost.CoordinatorKey);

        var access = await PostAsync(client, "access", """{"value":"Casey@example.org","role":"create_content","person":"Casey Nguyen","scope":"cln-hayden-fb"}""");
        var app = await PostAsync(client, "apps", """{"value":"350685531728","appName":"Hootsuite"}""");
        var attestation = await PostAsync(client, "attestations", """{"value":"groups","statement":"This account has joined no outside groups.","scope":"cln-hayden-ig"}""");
        var account = await PostAsync(client, "accounts", """{"scope":"cln-rathdrum-fb","note":"re-approved after the handle change"}""");

        Assert.Equal(("CREATE_CONTENT", "editor", "2027-04-13", "access"), (access.GetProperty("role").GetString(), access.GetProperty("level").GetString(), access.GetProperty("reviewOn").GetString(), access.GetProperty("kind").GetString()));
        Assert.Equal(("Hootsuite", "all"), (app.GetProperty("appName").GetString(), app.GetProperty("scope").GetString()));
        Assert.Equal("2027-01-13", attestation.GetProperty("reviewOn").GetString());
        Assert.Equal(("cln-rathdrum-fb", ApiData.CoordinatorEmail), (account.GetProperty("value").GetString(), account.GetProperty("approver").GetString()));
        Assert.False(access.TryGetProperty("match", out _));
    }

    [Fact]
    public async Task ManagerKey_OwnLocation_AddsListsAndRevokesAccessAndAttestationsInTheirName()
    {
        await using var api = await ApiHost.StartAsync(azurite, ApiHost.Serve, Ct);
        using var manager = api.Client(ApiHost.HaydenKey);

        var added = await manager.PostAsync("/api/approvals/access", Json("""{"value":"casey@example.org","role":"MODERATE","person":"Casey Nguyen","scope":"cln-hayden-fb"}"""), Ct);
        var attested = await manager.PostAsync("/api/approvals/attestations", Json("""{"value":"roles","statement":"Only Sam Lee posts to this account.","scope":"cln-hayden-ig"}"""), Ct);
        var approval = await added.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = approval.GetProperty("id").GetString();
        var list = await manager.GetFromJsonAsync<JsonElement>("/api/approvals/access", Ct);
        var revoked = await manager.RevokeAsync(approval, "?reason=left%20the%20library");
        var attestations = await manager.GetAsync("/api/approvals/attestations", Ct);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.OK),
            (added.StatusCode, attested.StatusCode, revoked.StatusCode, attestations.StatusCode));
        Assert.Equal(id, Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        var history = await api.Services.GetRequiredService<AuditLog>().HistoryAsync(ApprovalService.Subject, id!, Ct);
        Assert.All(history, e => Assert.Equal(ApiData.HaydenManagerEmail, e.Actor));
        Assert.Equal(["revoke", "add"], history.Select(e => e.Action));
    }

    [Fact]
    public async Task ManagerKey_AnotherLocationsRecord_Is404AndUnlisted()
    {
        await using var api = await ApiHost.StartAsync(azurite, ApiHost.Serve, Ct);
        using var coordinator = api.Client(ApiHost.CoordinatorKey);
        using var manager = api.Client(ApiHost.HaydenKey);
        var rathdrums = await PostAsync(coordinator, "access", """{"value":"pat@example.org","role":"CREATE_CONTENT","person":"Pat Kim","scope":"cln-rathdrum-fb"}""");
        var attestation = await PostAsync(coordinator, "attestations", """{"value":"apps","statement":"No apps.","scope":"cln-rathdrum-fb"}""");

        var add = await manager.PostAsync("/api/approvals/access", Json("""{"value":"casey@example.org","role":"MODERATE","person":"Casey","scope":"cln-rathdrum-fb"}"""), Ct);
        var revoke = await manager.DeleteAsync($"/api/approvals/access/{rathdrums.GetProperty("id").GetString()}", Ct);
        var revokeAttestation = await manager.DeleteAsync($"/api/approvals/attestations/{attestation.GetProperty("id").GetString()}", Ct);
        var list = await manager.GetFromJsonAsync<JsonElement>("/api/approvals/access", Ct);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound), (add.StatusCode, revoke.StatusCode, revokeAttestation.StatusCode));
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("access", """{"value":"casey@example.org","role":"MANAGE","person":"Casey","scope":"cln-hayden-fb"}""")]
    [InlineData("access", """{"value":"casey@example.org","role":"SHARED_LOGIN","person":"Front desk","scope":"cln-hayden-fb"}""")]
    [InlineData("access", """{"value":"casey@example.org","role":"ANY","person":"Casey","scope":"cln-hayden-ig"}""")]
    [InlineData("accounts", """{"scope":"cln-hayden-fb"}""")]
    [InlineData("apps", """{"value":"350685531728","appName":"Hootsuite","scope":"cln-hayden-fb"}""")]
    [InlineData("links", """{"match":"domain","value":"example.org","scope":"hayden"}""")]
    public async Task ManagerKey_AdministratorRoleAccountAppOrLink_Is403(string kind, string body)
    {
        await using var api = await ApiHost.StartAsync(azurite, ApiHost.Functions, Ct);
        using var manager = api.Client(ApiHost.HaydenKey);

        var response = await manager.PostAsync($"/api/approvals/{kind}", Json(body), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain(await api.Services.GetRequiredService<ApprovalStore>().ListAsync(kind, Ct), a => a.Approver == ApiData.HaydenManagerEmail);
    }

    [Fact]
    public async Task Delete_WithReason_KeepsItOnTheRecordAndInTheAudit()
    {
        await using var api = await ApiHost.StartAsync(azurite, ApiHost.Functions, Ct);
        using var client = api.Client(ApiHost.CoordinatorKey);
        var app = await PostAsync(client, "apps", """{"value":"350685531728","appName":"Hootsuite"}""");
        var id = app.GetProperty("id").GetString()!;

        var response = await client.RevokeAsync(app, "?reason=contract%20ended");

        var revoked = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("contract ended", ApiData.CoordinatorEmail, false), (revoked.GetProperty("revokedReason").GetString(), revoked.GetProperty("revokedBy").GetString(), revoked.GetProperty("inForce").GetBoolean()));
        var entry = (await api.Services.GetRequiredService<AuditLog>().HistoryAsync(ApprovalService.Subject, id, Ct))[0];
        Assert.Equal(("revoke", "contract ended", ApiData.CoordinatorEmail), (entry.Action, entry.Why, entry.Actor));
    }

    [Fact]
    public async Task OversizedIdOrScope_Is400Or404NeverA500()
    {
        await using var api = await ApiHost.StartAsync(azurite, ApiHost.Serve, Ct);
        using var client = api.Client(ApiHost.CoordinatorKey);

        var delete = await client.DeleteAsync($"/api/approvals/links/{new string('a', 1000)}", Ct);
        var post = await client.PostAsync("/api/approvals/links", Json($$"""{"match":"domain","value":"example.org","scope":"{{new string('a', 2000)}}"}"""), Ct);
        var kind = await client.GetAsync($"/api/approvals/{new string('k', 500)}", Ct);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.NotFound), (delete.StatusCode, post.StatusCode, kind.StatusCode));
    }

    [Fact]
    public async Task Get_LinkRowInTodaysShape_ReadsTheSame()
    {
        await using var api = await ApiHost.StartAsync(azurite, ApiHost.Serve, Ct);
        using var client = api.Client(ApiHost.CoordinatorKey);
        const string Row = """{"id":"link-0a1b2c3d4e5f","match":"prefix","value":"https://www.eventbrite.com/o/cln-1","scope":"hayden","approver":"coordinator@example.org","date":"2026-09-01","expires":null,"note":"fall programs","revokedAt":null,"revokedBy":null}""";
        var table = await api.Services.GetRequiredService<StorageClients>().TableAsync(TableNames.Approvals, Ct);
        await table.AddEntityAsync(new TableEntity("link", "link-0a1b2c3d4e5f") { ["Approval"] = Row }, Ct);

        var listed = Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/approvals/links", Ct)).GetProperty("items").EnumerateArray());
        var stored = await api.Services.GetRequiredService<ApprovalStore>().GetAsync("link-0a1b2c3d4e5f", Ct);

        Assert.Equal(("links", "prefix", "https://www.eventbrite.com/o/cln-1", "hayden", "fall programs", true),
            (listed.GetProperty("kind").GetString(), listed.GetProperty("match").GetString(), listed.GetProperty("value").GetString(),
             listed.GetProperty("scope").GetString(), listed.GetProperty("note").GetString(), listed.GetProperty("inForce").GetBoolean()));
        Assert.Equal(Row, ItemJson.Serialize(stored));
        Assert.Empty(stored!.Problems());
    }

    [Fact]
    public async Task Import_LeavesAnApiRecordedAccountApprovalAlone()
    {
        await using var api = await ApiHost.StartAsync(azurite, ApiHost.Serve, Ct);
        using var client = api.Client(ApiHost.CoordinatorKey);
        var recorded = await PostAsync(client, "accounts", """{"scope":"cln-hayden-fb","note":"approved again after the merger"}""");

        var changed = ApiData.AccountsJson.Replace("\"approvedOn\": \"2026-01-05\"", "\"approvedOn\": \"2026-02-01\"", StringComparison.Ordinal);
        await api.Services.GetRequiredService<AccountsImporter>().ImportAsync(AccountsFileReader.Read(changed), Ct);

        var approvals = await api.Services.GetRequiredService<ApprovalStore>().ListAsync(ApprovalKinds.Accounts, Ct);
        Assert.Equal(recorded.GetProperty("id").GetString(), Assert.Single(approvals, a => a.Scope == "cln-hayden-fb" && a.Id != "account-import-cln-hayden-fb").Id);
        Assert.Equal(new DateOnly(2026, 1, 5), Assert.Single(approvals, a => a.Id == "account-import-cln-hayden-fb").Date);
        Assert.Equal(new DateOnly(2026, 2, 1), Assert.Single(approvals, a => a.Id == "account-import-cln-rathdrum-fb").Date);
    }

    [Fact]
    public async Task CliAndApi_OneCodePath_ReadBackEachOthersApprovalsWithTheSameAuditEntries()
    {
        await using var api = await ApiHost.StartAsync(azurite, ApiHost.Serve, Ct);
        using var client = api.Client(ApiHost.CoordinatorKey);
        var environment = new Dictionary<string, string> { ["AzureWebJobsStorage"] = azurite.ConnectionString };

        var cliAdd = await CliProcess.RunAsync(environment, _directory, "approvals", "add", "--kind", "apps", "--value", "350685531728",
            "--app-name", "Hootsuite", "--approver", ApiData.CoordinatorEmail);
        var viaApi = await PostAsync(client, "access", """{"value":"casey@example.org","role":"CREATE_CONTENT","person":"Casey","scope":"cln-hayden-fb"}""");
        var cliList = await CliProcess.RunAsync(environment, _directory, "approvals", "list", "--kind", "access", "--format", "json");
        var apiList = await client.GetFromJsonAsync<JsonElement>("/api/approvals/apps", Ct);

        Assert.Equal(0, cliAdd.ExitCode);
        var cliId = JsonDocument.Parse(cliAdd.Stdout).RootElement.GetProperty("id").GetString()!;
        Assert.Equal(cliId, Assert.Single(apiList.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        var listed = Assert.Single(JsonDocument.Parse(cliList.Stdout).RootElement.EnumerateArray());
        Assert.Equal((viaApi.GetProperty("id").GetString(), "access"), (listed.GetProperty("id").GetString(), listed.GetProperty("kind").GetString()));
        var audit = api.Services.GetRequiredService<AuditLog>();
        var cliEntry = Assert.Single(await audit.HistoryAsync(ApprovalService.Subject, cliId, Ct));
        var apiEntry = Assert.Single(await audit.HistoryAsync(ApprovalService.Subject, viaApi.GetProperty("id").GetString()!, Ct));
        Assert.Equal(("add", ApiData.CoordinatorEmail, "approval"), (cliEntry.Action, cliEntry.Actor, cliEntry.Subject));
        Assert.Equal((cliEntry.Action, cliEntry.Actor, cliEntry.Subject), (apiEntry.Action, apiEntry.Actor, apiEntry.Subject));
    }

    [Fact]
    public async Task Post_LinkApproval_ResolvesItsOpenLinkFindings()
    {
        await using var api = await ApiHost.StartAsync(azurite, ApiHost.Serve, Ct);
        using var client = api.Client(ApiHost.CoordinatorKey);
        var item = new Item { Id = "1_901", Platform = "facebook", Account = "cln-hayden-fb", Text = "Register https://www.eventbrite.com/e/42", Links = ["https://www.eventbrite.com/e/42"] };
        var other = item with { Id = "1_902", Text = "See https://elsewhere.example/x", Links = ["https://elsewhere.example/x"] };
        var evaluator = api.Services.GetRequiredService<ItemEvaluator>();
        var finding = Assert.Single(await evaluator.EvaluateAsync(new EvaluateItemMessage(item, null), Ct));
        var untouched = Assert.Single(await evaluator.EvaluateAsync(new EvaluateItemMessage(other, null), Ct));

        await PostAsync(client, "links", """{"match":"domain","value":"eventbrite.com","note":"Teen STEM night"}""");
        api.Time.Advance(ApprovalCache.Lifetime);
        await api.Services.GetRequiredService<QueueDrainer>().DrainAsync(QueueDrainer.AllQueues, Ct);

        var store = api.Services.GetRequiredService<FindingStore>();
        var resolved = await store.GetAsync("hayden", finding.Id, Ct);
        Assert.Equal(FindingStatuses.Resolved, resolved!.Status);
        Assert.StartsWith($"destination approved by {ApiData.CoordinatorEmail}", resolved.Resolution, StringComparison.Ordinal);
        var history = await api.Services.GetRequiredService<FindingLifecycle>().HistoryAsync(finding.Id, Ct);
        Assert.Equal((Actors.System, "resolved"), (history[0].Actor, history[0].Action));
        Assert.Equal(FindingStatuses.Open, (await store.GetAsync("hayden", untouched.Id, Ct))!.Status);
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string kind, string body)
    {
        var response = await client.PostAsync($"/api/approvals/{kind}", Json(body), Ct);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{kind}: {(int)response.StatusCode} {json}");
        return json;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
