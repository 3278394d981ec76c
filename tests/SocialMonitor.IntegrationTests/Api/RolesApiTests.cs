using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Findings;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Api;

/// <summary>Each role's view and each forbidden call, over HTTP through <c>serve</c> and through the function classes.</summary>
public sealed class RolesApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Hosts => new(ApiHost.Serve, ApiHost.Functions);

    public static TheoryData<string, string, string> EveryEndpoint => Cross(
        ("GET", "/api/findings"), ("GET", "/api/findings/summary"), ("GET", $"/api/findings/{ApiData.Findings[0].Id}"),
        ("POST", $"/api/findings/{ApiData.Findings[0].Id}/disposition"), ("GET", "/api/audit"), ("GET", "/api/accounts"),
        ("GET", "/api/health"), ("GET", "/api/approvals/links"), ("POST", "/api/approvals/links"), ("DELETE", "/api/approvals/links/link-0123456789ab"),
        ("GET", "/api/approvals/access"), ("POST", "/api/approvals/attestations"), ("DELETE", "/api/approvals/access/access-0123456789ab"),
        ("GET", "/api/records/holds"), ("POST", "/api/records/holds"), ("DELETE", "/api/records/holds/hold-0123456789ab"));

    public static TheoryData<string, string, string> CoordinatorOnly => Cross(
        ("GET", "/api/audit"), ("GET", "/api/approvals/links"), ("POST", "/api/approvals/links"), ("DELETE", "/api/approvals/links/link-0123456789ab"),
        ("GET", "/api/approvals/accounts"), ("POST", "/api/approvals/accounts"), ("DELETE", "/api/approvals/accounts/account-0123456789ab"),
        ("GET", "/api/approvals/apps"), ("POST", "/api/approvals/apps"), ("DELETE", "/api/approvals/apps/app-0123456789ab"),
        ("GET", "/api/records/holds"), ("POST", "/api/records/holds"), ("DELETE", "/api/records/holds/hold-0123456789ab?reason=case%20closed"));

    [Theory]
    [MemberData(nameof(EveryEndpoint))]
    public async Task Call_Anonymous_Is401ProblemDetails(string host, string method, string path)
    {
        await using var api = await ApiHost.StartAsync(azurite, host, Ct);
        using var client = api.Client();

        var response = await client.SendAsync(Request(method, path), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("urn:socialmonitor:problem:unauthorized", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("type").GetString());
    }

    [Theory]
    [MemberData(nameof(CoordinatorOnly))]
    public async Task Call_ManagerOnCoordinatorsEndpoint_Is403(string host, string method, string path)
    {
        await using var api = await ApiHost.StartAsync(azurite, host, Ct);
        using var client = api.Client(ApiHost.HaydenKey);

        var response = await client.SendAsync(Request(method, path), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("urn:socialmonitor:problem:forbidden", (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("type").GetString());
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task GetFindings_EachRole_SeesItsLocationsOnly(string host)
    {
        await using var api = await ApiHost.StartAsync(azurite, host, Ct);
        await ApiData.SeedAsync(api.Services, Ct);

        var coordinator = await LocationsAsync(api, ApiHost.CoordinatorKey);
        var hayden = await LocationsAsync(api, ApiHost.HaydenKey);
        var rathdrum = await LocationsAsync(api, ApiHost.RathdrumKey);

        Assert.Equal(ApiData.Findings.Count + 1, coordinator.Count);
        Assert.Equal(["bookmobile", "district", "hayden", "rathdrum"], coordinator.Distinct().Order());
        Assert.Equal(4, hayden.Count);
        Assert.All(hayden, l => Assert.Equal("hayden", l));
        Assert.Equal(["rathdrum", "rathdrum"], rathdrum);
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task ManagerCalls_OtherLocation_AreNotFoundOrEmpty(string host)
    {
        await using var api = await ApiHost.StartAsync(azurite, host, Ct);
        await ApiData.SeedAsync(api.Services, Ct);
        var rathdrumFinding = ApiData.Findings[3];
        using var hayden = api.Client(ApiHost.HaydenKey);

        var get = await hayden.GetAsync($"/api/findings/{rathdrumFinding.Id}", Ct);
        var post = await hayden.SendAsync(Disposition(rathdrumFinding.Id, "\"anything\""), Ct);
        var list = await hayden.GetFromJsonAsync<JsonElement>("/api/findings?location=rathdrum", Ct);
        var summary = await hayden.GetFromJsonAsync<JsonElement>("/api/findings/summary?location=rathdrum", Ct);

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (get.StatusCode, post.StatusCode));
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
        Assert.Equal(0, summary.GetProperty("total").GetInt32());
        var finding = await api.Services.GetRequiredService<FindingStore>().GetAsync("rathdrum", rathdrumFinding.Id, Ct);
        Assert.Equal(FindingStatuses.Open, finding!.Status);
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task GetAccountsAndHealth_Manager_SeesOwnAccountsOnly(string host)
    {
        await using var api = await ApiHost.StartAsync(azurite, host, Ct);
        using var hayden = api.Client(ApiHost.HaydenKey);
        using var coordinator = api.Client(ApiHost.CoordinatorKey);

        var accounts = await hayden.GetFromJsonAsync<JsonElement>("/api/accounts", Ct);
        var health = await hayden.GetFromJsonAsync<JsonElement>("/api/health", Ct);
        var all = await coordinator.GetFromJsonAsync<JsonElement>("/api/accounts", Ct);

        Assert.Equal(["cln-hayden-fb", "cln-hayden-ig"], Ids(accounts, "id"));
        Assert.Equal(["cln-hayden-fb", "cln-hayden-ig"], Ids(health, "account"));
        Assert.Equal(4, all.GetProperty("items").GetArrayLength());
        Assert.False(accounts.GetProperty("items")[0].TryGetProperty("token", out _), "the token's secret name is not listed");
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task GetFindings_ForgedClientPrincipalInApiKeysMode_IsIgnored(string host)
    {
        await using var api = await ApiHost.StartAsync(azurite, host, Ct);
        await ApiData.SeedAsync(api.Services, Ct);
        using var forged = api.Client();
        forged.DefaultRequestHeaders.Add("X-MS-CLIENT-PRINCIPAL", Principal("Coordinator", "coordinator@example.org", null));
        using var manager = api.Client(ApiHost.HaydenKey);
        manager.DefaultRequestHeaders.Add("X-MS-CLIENT-PRINCIPAL", Principal("Coordinator", "coordinator@example.org", null));

        var anonymous = await forged.GetAsync("/api/findings", Ct);
        var audit = await manager.GetAsync("/api/audit", Ct);
        var seen = await LocationsAsync(manager);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, audit.StatusCode);
        Assert.All(seen, l => Assert.Equal("hayden", l));
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task AppServiceAuthentication_Principals_GetTheirRolesAndLocations(string host)
    {
        await using var api = await ApiHost.StartAsync(azurite, host, Ct, new Dictionary<string, string?> { ["Api:AuthMode"] = "AppServiceAuthentication" });
        await ApiData.SeedAsync(api.Services, Ct);

        using var byEmail = WithPrincipal(api, Principal("Manager", ApiData.RathdrumManagerEmail.ToUpperInvariant(), null));
        using var byObjectId = WithPrincipal(api, Principal("Manager", "someone.else@example.org", ApiData.HaydenManagerObjectId));
        using var coordinator = WithPrincipal(api, Principal("Coordinator", "coordinator@example.org", null));
        using var stranger = WithPrincipal(api, Principal("Manager", "stranger@example.org", null));
        using var noRole = WithPrincipal(api, Principal(null, ApiData.HaydenManagerEmail, null));
        using var keyOnly = api.Client(ApiHost.CoordinatorKey);

        Assert.Equal(["rathdrum", "rathdrum"], await LocationsAsync(byEmail));
        Assert.All(await LocationsAsync(byObjectId), l => Assert.Equal("hayden", l));
        Assert.Equal(ApiData.Findings.Count + 1, (await LocationsAsync(coordinator)).Count);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync("/api/audit", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await byEmail.GetAsync("/api/audit", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync("/api/findings", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await noRole.GetAsync("/api/findings", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await keyOnly.GetAsync("/api/findings", Ct)).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task AppServiceAuthentication_ManagerWithARegisteredObjectId_IsMatchedOnTheObjectIdOnly(string host)
    {
        await using var api = await ApiHost.StartAsync(azurite, host, Ct, new Dictionary<string, string?> { ["Api:AuthMode"] = "AppServiceAuthentication" });
        await ApiData.SeedAsync(api.Services, Ct);

        // Hayden's manager has an object id in the registry: their email in a token of another object id (or of none) is not them.
        using var otherObjectId = WithPrincipal(api, Principal("Manager", ApiData.HaydenManagerEmail, "0b7a1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d"));
        using var noObjectId = WithPrincipal(api, Principal("Manager", ApiData.HaydenManagerEmail, null));
        using var sameObjectId = WithPrincipal(api, Principal("Manager", ApiData.HaydenManagerEmail, ApiData.HaydenManagerObjectId));

        Assert.Equal(HttpStatusCode.Forbidden, (await otherObjectId.GetAsync("/api/findings", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await noObjectId.GetAsync("/api/findings", Ct)).StatusCode);
        Assert.All(await LocationsAsync(sameObjectId), l => Assert.Equal("hayden", l));
    }

    private static HttpClient WithPrincipal(ApiHost api, string principal)
    {
        var client = api.Client();
        client.DefaultRequestHeaders.Add("X-MS-CLIENT-PRINCIPAL", principal);
        return client;
    }

    /// <summary>The header App Service Authentication sends: base64 JSON claims, the app role as a roles claim.</summary>
    private static string Principal(string? role, string email, string? objectId)
    {
        var claims = new List<object> { new { typ = "preferred_username", val = email }, new { typ = "name", val = "Test Person" } };
        if (role is not null)
        {
            claims.Add(new { typ = "roles", val = role });
        }
        if (objectId is not null)
        {
            claims.Add(new { typ = "http://schemas.microsoft.com/identity/claims/objectidentifier", val = objectId });
        }
        var json = JsonSerializer.Serialize(new { auth_typ = "aad", name_typ = "name", role_typ = "roles", claims });
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }

    private static async Task<List<string>> LocationsAsync(ApiHost api, string key)
    {
        using var client = api.Client(key);
        return await LocationsAsync(client);
    }

    private static async Task<List<string>> LocationsAsync(HttpClient client)
    {
        var page = await client.GetFromJsonAsync<JsonElement>("/api/findings?pageSize=200", Ct);
        return [.. page.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("location").GetString()!)];
    }

    private static List<string> Ids(JsonElement list, string property) =>
        [.. list.GetProperty("items").EnumerateArray().Select(a => a.GetProperty(property).GetString()!)];

    private static HttpRequestMessage Request(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent("""{"match":"domain","value":"example.org"}""", Encoding.UTF8, "application/json");
        }
        return request;
    }

    private static HttpRequestMessage Disposition(string id, string etag) => new(HttpMethod.Post, $"/api/findings/{id}/disposition")
    {
        Headers = { { "If-Match", etag } },
        Content = new StringContent("""{"status":"acknowledged"}""", Encoding.UTF8, "application/json"),
    };

    private static TheoryData<string, string, string> Cross(params (string Method, string Path)[] calls)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var host in new[] { ApiHost.Serve, ApiHost.Functions })
        {
            foreach (var (method, path) in calls)
            {
                data.Add(host, method, path);
            }
        }
        return data;
    }
}
