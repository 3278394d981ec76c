using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Approvals;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Api;

/// <summary><c>/api/approvals/links</c> over HTTP: the coordinator approves, lists and revokes, each change audited.</summary>
public sealed class ApprovalsApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ApproveListRevoke_Coordinator_StoresAuditsAndKeepsTheRecord()
    {
        await using var api = await ApiHost.StartAsync(azurite, ApiHost.Serve, Ct);
        using var client = api.Client(ApiHost.CoordinatorKey);

        var created = await client.PostAsync("/api/approvals/links", Json(
            """{"match":"prefix","value":"https://www.eventbrite.com/e/teen-stem-night-","scope":"hayden","expires":"2026-12-31","note":"Teen STEM night registration"}"""), Ct);
        var approval = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = approval.GetProperty("id").GetString()!;
        var again = await client.PostAsync("/api/approvals/links", Json(
            """{"match":"prefix","value":"https://www.eventbrite.com/e/teen-stem-night-","scope":"hayden"}"""), Ct);
        var revoked = await client.RevokeAsync(approval);
        var revokedAgain = await client.RevokeAsync(approval); // A retry with the ETag it read: the first revocation stands.
        var inForce = await client.GetFromJsonAsync<JsonElement>("/api/approvals/links?state=in-force", Ct);
        var all = await client.GetFromJsonAsync<JsonElement>("/api/approvals/links", Ct);
        var audit = await client.GetFromJsonAsync<JsonElement>($"/api/audit?subject=approval&subjectId={id}", Ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/approvals/links/{id}", created.Headers.Location!.ToString());
        Assert.Equal((ApiData.CoordinatorEmail, "2026-10-15", true), (approval.GetProperty("approver").GetString(), approval.GetProperty("date").GetString(), approval.GetProperty("inForce").GetBoolean()));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(id, (await again.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetString());
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (revoked.StatusCode, revokedAgain.StatusCode));
        Assert.Equal(0, inForce.GetProperty("items").GetArrayLength());
        Assert.False(Assert.Single(all.GetProperty("items").EnumerateArray()).GetProperty("inForce").GetBoolean());
        Assert.Equal(["revoke", "add"], audit.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("action").GetString()));
        Assert.Equal("hayden", audit.GetProperty("items")[0].GetProperty("location").GetString());
        var stored = await api.Services.GetRequiredService<ApprovalStore>().GetAsync(id, Ct);
        Assert.Equal(ApiData.CoordinatorEmail, stored!.RevokedBy);
    }

    [Fact]
    public async Task OversizedKeys_RevokeIdAndScope_Answer404And400WithAProblemNever500()
    {
        await using var api = await ApiHost.StartAsync(azurite, ApiHost.Serve, Ct);
        using var client = api.Client(ApiHost.CoordinatorKey);
        var id = new string('a', 2048);
        var scope = new string('b', 2000);

        var revoke = await client.DeleteAsync($"/api/approvals/links/{id}", Ct);
        var approve = await client.PostAsync("/api/approvals/links", Json($$"""{"match":"domain","value":"kootenaicounty.org","scope":"{{scope}}"}"""), Ct);

        Assert.Contains(revoke.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.BadRequest }); // The issue: 400 or 404, never 500.
        Assert.Equal("application/problem+json", revoke.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, approve.StatusCode);
        Assert.Contains("scope", (await approve.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"match":"domain","value":"www.kootenaicounty.org"}""", "kootenaicounty.org")]
    [InlineData("""{"match":"domain","value":"https://kootenaicounty.org/events"}""", "domain")]
    [InlineData("""{"match":"domain","value":"co.uk"}""", "value: 'co.uk' is a public suffix")]
    [InlineData("""{"match":"prefix","value":"javascript:alert(1)"}""", "http")]
    [InlineData("""{"match":"url","value":"/relative"}""", "http")]
    [InlineData("""{"match":"regex","value":".*"}""", "match")]
    [InlineData("""{"match":"domain","value":"kootenaicounty.org","scope":"athol"}""", "scope")]
    [InlineData("""{"match":"domain","value":"kootenaicounty.org","expires":"2026-10-14"}""", "expires")]
    [InlineData("""{"match":"domain","value":"kootenaicounty.org","approver":"someone@example.org"}""", "approver")]
    [InlineData("""{"match":"domain"}""", "value")]
    [InlineData("""{"match":"prefix","value":"https://kootenaicounty.gov@other.example/events"}""", "user name")]
    public async Task Post_BadApproval_Is400NamingWhatIsWrong(string body, string named)
    {
        await using var api = await ApiHost.StartAsync(azurite, ApiHost.Serve, Ct);
        using var client = api.Client(ApiHost.CoordinatorKey);

        var response = await client.PostAsync("/api/approvals/links", Json(body), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("urn:socialmonitor:problem:invalid-body", problem.GetProperty("type").GetString());
        Assert.Contains(named, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await api.Services.GetRequiredService<ApprovalStore>().ListAsync(Ct));
    }

    [Fact]
    public async Task Post_InternationalisedDomainForAnAccount_IsStoredAsPunycodeScopedToTheAccount()
    {
        await using var api = await ApiHost.StartAsync(azurite, ApiHost.Serve, Ct);
        using var client = api.Client(ApiHost.CoordinatorKey);

        var response = await client.PostAsync("/api/approvals/links", Json("""{"match":"domain","value":"Bücherei.Example","scope":"cln-rathdrum-fb"}"""), Ct);

        var approval = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(("xn--bcherei-n2a.example", "cln-rathdrum-fb"), (approval.GetProperty("value").GetString(), approval.GetProperty("scope").GetString()));
    }

    [Fact]
    public async Task Delete_Unknown_Is404()
    {
        await using var api = await ApiHost.StartAsync(azurite, ApiHost.Serve, Ct);
        using var client = api.Client(ApiHost.CoordinatorKey);

        var response = await client.DeleteAsync("/api/approvals/links/link-nothing", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Delete_IfMatch_RequiredAndMustBeTheETagTheListGives()
    {
        await using var api = await ApiHost.StartAsync(azurite, ApiHost.Serve, Ct);
        using var client = api.Client(ApiHost.CoordinatorKey);
        var created = await client.PostAsync("/api/approvals/links", Json("""{"match":"domain","value":"kootenaicounty.org","scope":"hayden"}"""), Ct);
        var approval = await created.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = approval.GetProperty("id").GetString()!;
        var listed = Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/approvals/links", Ct)).GetProperty("items").EnumerateArray());
        var etag = listed.GetProperty("etag").GetString()!;

        var none = await client.RevokeAsync("links", id, null);
        var star = await client.RevokeAsync("links", id, "*");
        var foreign = await client.RevokeAsync("links", id, "\"not-one-of-ours\"");
        // Someone else changes the record after this client read it.
        var store = api.Services.GetRequiredService<ApprovalStore>();
        await store.AddAsync((await store.GetAsync(id, Ct))! with { Note = "extended for the fall programme" }, Ct);
        var stale = await client.RevokeAsync("links", id, etag);
        var fresh = Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/approvals/links", Ct)).GetProperty("items").EnumerateArray());
        var revoked = await client.RevokeAsync(fresh, "?reason=event%20over");

        Assert.Equal(created.Headers.ETag!.ToString(), approval.GetProperty("etag").GetString());
        Assert.Equal(etag, approval.GetProperty("etag").GetString());
        Assert.Equal((HttpStatusCode)428, none.StatusCode);
        Assert.Equal((HttpStatusCode)428, star.StatusCode);
        Assert.Contains("If-Match", (await none.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.PreconditionFailed, HttpStatusCode.PreconditionFailed), (foreign.StatusCode, stale.StatusCode));
        Assert.Equal("urn:socialmonitor:problem:precondition-failed", (await stale.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("type").GetString());
        Assert.NotEqual(etag, fresh.GetProperty("etag").GetString());
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        var after = await revoked.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(revoked.Headers.ETag!.ToString(), after.GetProperty("etag").GetString());
        Assert.Equal("event over", after.GetProperty("revokedReason").GetString());
        var history = await api.Services.GetRequiredService<Core.Audit.AuditLog>().HistoryAsync(ApprovalService.Subject, id, Ct);
        Assert.Equal(["revoke", "add"], history.Select(e => e.Action)); // The refused requests recorded nothing.
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
