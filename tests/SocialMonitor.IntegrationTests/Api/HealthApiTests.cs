using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Scanning;
using SocialMonitor.Core.Storage;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Api;

/// <summary><c>GET /api/health</c> over HTTP: last good scan, token expiry and open capture findings per account.</summary>
public sealed class HealthApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetHealth_Coordinator_ShowsEachAccountsCapture()
    {
        await using var api = await ApiHost.StartAsync(azurite, ApiHost.Serve, Ct);
        await ApiData.SeedAsync(api.Services, Ct);
        var cursors = api.Services.GetRequiredService<CursorStore>();
        await cursors.SetAsync("cln-hayden-fb", new StreamCursor(StreamNames.Posts) { ReadAt = TestHost.Start }, Ct);
        await cursors.SetAsync("cln-rathdrum-fb", new StreamCursor(StreamNames.Posts) { ReadAt = TestHost.Start }, Ct);
        var checks = await api.Services.GetRequiredService<StorageClients>().TableAsync(TableNames.TokenChecks, Ct);
        await checks.UpsertEntityAsync(new TableEntity("cln-rathdrum-fb", "token")
        {
            ["ExpiresAt"] = TestHost.Start.AddDays(60),
            ["CheckedAt"] = TestHost.Start,
        }, cancellationToken: Ct);
        using var client = api.Client(ApiHost.CoordinatorKey);

        var health = await client.GetFromJsonAsync<JsonElement>("/api/health", Ct);
        var csv = await client.GetStringAsync("/api/health?format=csv", Ct);

        var items = health.GetProperty("items").EnumerateArray().ToDictionary(h => h.GetProperty("account").GetString()!);
        Assert.Equal(["cln-bookmobile-fb", "cln-hayden-fb", "cln-hayden-ig", "cln-rathdrum-fb"], items.Keys.Order());
        var hayden = items["cln-hayden-fb"];
        Assert.Equal("attention", hayden.GetProperty("status").GetString());
        Assert.Equal(1, hayden.GetProperty("openCaptureFindings").GetInt32());
        Assert.Equal("capture.token-expiring", hayden.GetProperty("captureFindings")[0].GetProperty("rule").GetString());
        Assert.NotEqual(JsonValueKind.Null, hayden.GetProperty("lastGoodScan").ValueKind);
        var rathdrum = items["cln-rathdrum-fb"];
        Assert.Equal(("ok", "2026-12-14T18:00:00Z"), (rathdrum.GetProperty("status").GetString(), rathdrum.GetProperty("tokenExpiresAt").GetString()));
        Assert.Equal(("attention", JsonValueKind.Null), (items["cln-hayden-ig"].GetProperty("status").GetString(), items["cln-hayden-ig"].GetProperty("lastGoodScan").ValueKind));
        Assert.Equal("capture.dead-message", health.GetProperty("unassignedCaptureFindings")[0].GetProperty("rule").GetString());
        Assert.Contains(",capture.token-expiring\r\n", csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ApiHost.Serve)]
    [InlineData(ApiHost.Functions)]
    public async Task GetHealth_FacebookAndInstagramAccounts_ListWhatCannotBeVerifiedAndWhatHasNoClientYet(string host)
    {
        await using var api = await ApiHost.StartAsync(azurite, host, Ct);
        using var client = api.Client(ApiHost.HaydenKey);

        var health = await client.GetFromJsonAsync<JsonElement>("/api/health", Ct);
        var csv = await client.GetStringAsync("/api/health?format=csv", Ct);

        var items = health.GetProperty("items").EnumerateArray().ToDictionary(h => h.GetProperty("account").GetString()!);
        var facebook = items["cln-hayden-fb"];
        Assert.Equal(["altText", "captions"], Strings(facebook.GetProperty("cannotVerify")));
        Assert.Empty(Strings(facebook.GetProperty("notYet")));
        Assert.Equal(PlatformCapabilities.Names, facebook.GetProperty("capabilities").EnumerateObject().Select(p => p.Name));
        Assert.Equal(("supported", "cannot-verify"), (facebook.GetProperty("capabilities").GetProperty("roles").GetString(),
            facebook.GetProperty("capabilities").GetProperty("altText").GetString()));
        Assert.Contains("Business Manager", facebook.GetProperty("capabilityNotes").GetProperty("roles").GetString(), StringComparison.Ordinal);
        var instagram = items["cln-hayden-ig"];
        Assert.Empty(Strings(instagram.GetProperty("notYet")));
        Assert.Equal(["captions", "roles", "apps", "contacts", "hours"], Strings(instagram.GetProperty("cannotVerify")));
        Assert.Equal("supported", instagram.GetProperty("capabilities").GetProperty("posts").GetString());
        Assert.Contains(",altText captions,,\r\n", csv, StringComparison.Ordinal);
        Assert.Contains(",captions roles apps contacts hours,,\r\n", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetHealth_TokenChecked_SaysWhetherItIsValid()
    {
        await using var api = await ApiHost.StartAsync(azurite, ApiHost.Serve, Ct);
        var checks = await api.Services.GetRequiredService<StorageClients>().TableAsync(TableNames.TokenChecks, Ct);
        await checks.UpsertEntityAsync(new TableEntity("cln-rathdrum-fb", "token") { ["CheckedAt"] = TestHost.Start, ["Valid"] = false }, cancellationToken: Ct);
        using var client = api.Client(ApiHost.CoordinatorKey);

        var health = await client.GetFromJsonAsync<JsonElement>("/api/health", Ct);

        var items = health.GetProperty("items").EnumerateArray().ToDictionary(h => h.GetProperty("account").GetString()!);
        Assert.False(items["cln-rathdrum-fb"].GetProperty("tokenValid").GetBoolean());
        Assert.Equal(JsonValueKind.Null, items["cln-hayden-fb"].GetProperty("tokenValid").ValueKind);
    }

    [Fact]
    public async Task GetHealth_TokenExpiringWithinTwoWeeks_NeedsAttention()
    {
        await using var api = await ApiHost.StartAsync(azurite, ApiHost.Serve, Ct);
        await api.Services.GetRequiredService<CursorStore>().SetAsync("cln-rathdrum-fb", new StreamCursor(StreamNames.Posts) { ReadAt = TestHost.Start }, Ct);
        var checks = await api.Services.GetRequiredService<StorageClients>().TableAsync(TableNames.TokenChecks, Ct);
        await checks.UpsertEntityAsync(new TableEntity("cln-rathdrum-fb", "token") { ["ExpiresAt"] = TestHost.Start.AddDays(13) }, cancellationToken: Ct);
        using var client = api.Client(ApiHost.RathdrumKey);

        var health = await client.GetFromJsonAsync<JsonElement>("/api/health", Ct);

        var item = Assert.Single(health.GetProperty("items").EnumerateArray());
        Assert.Equal("attention", item.GetProperty("status").GetString());
        Assert.Empty(health.GetProperty("unassignedCaptureFindings").EnumerateArray());
    }

    [Fact]
    public async Task GetHealth_YouTubeAccount_ShowsBudgetThrottlingLastScanAndEachFactToAttest()
    {
        await using var api = await ApiHost.StartAsync(azurite, ApiHost.Serve, Ct);
        var accounts = AccountsFileReader.Read(ApiData.AccountsJson.Replace("""
           {"id": "cln-rathdrum-fb",
           """, """
           {"id": "cln-hayden-yt", "platform": "youtube", "platformId": "UCcln0hayden00000000003c", "handle": "@clnhayden",
            "location": "hayden", "token": "cln-hayden-yt-token", "approvedBy": "coordinator@example.org", "approvedOn": "2026-01-05"},
           {"id": "cln-rathdrum-fb",
           """, StringComparison.Ordinal));
        Assert.True(accounts.IsValid, string.Join("; ", accounts.Problems));
        await api.Services.GetRequiredService<AccountsImporter>().ImportAsync(accounts, Ct);
        var youTube = (await api.Services.GetRequiredService<AccountRegistry>().GetAccountAsync("cln-hayden-yt", Ct))!;
        var client = api.Services.GetServices<IPlatformClient>().Single(c => c.Platform == "youtube");
        await api.Services.GetRequiredService<BudgetStore>().SpendAsync("youtube", client.Plan.Budget!, 42, Ct);
        await api.Services.GetRequiredService<CaptureConditions>().RaiseAsync(youTube, CaptureCondition.Throttled, "quotaExceeded", "throttled", Ct);
        await api.Services.GetRequiredService<CursorStore>().SetStateAsync("cln-hayden-yt", new ScanState
        {
            LastScannedAt = TestHost.Start,
            Last = new ScanSummary("cln-hayden-yt", "youtube", 3, 1, 4) { Stopped = "throttled: quotaExceeded" },
        }, Ct);
        using var manager = api.Client(ApiHost.HaydenKey);
        var added = await manager.PostAsJsonAsync("/api/approvals/attestations",
            new { scope = "cln-hayden-yt", value = "roles", statement = "Checked the channel's managers in YouTube Studio: only the approved staff.", reviewOn = "2027-01-15" }, Ct);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var attestation = await added.Content.ReadFromJsonAsync<JsonElement>(Ct);

        var health = await manager.GetFromJsonAsync<JsonElement>("/api/health", Ct);
        var csv = await manager.GetStringAsync("/api/health?format=csv", Ct);

        var items = health.GetProperty("items").EnumerateArray().ToDictionary(h => h.GetProperty("account").GetString()!);
        var yt = items["cln-hayden-yt"];
        var budget = yt.GetProperty("budget");
        Assert.Equal(("day", "2026-10-15", 10_000L, 42L), (budget.GetProperty("period").GetString(), budget.GetProperty("periodKey").GetString(),
            budget.GetProperty("limit").GetInt64(), budget.GetProperty("used").GetInt64()));
        Assert.Equal(TestHost.Start, yt.GetProperty("throttledSince").GetDateTimeOffset());
        Assert.Equal(("throttled: quotaExceeded", TestHost.Start), (yt.GetProperty("lastScanStopped").GetString(), yt.GetProperty("lastScanAt").GetDateTimeOffset()));
        var facts = yt.GetProperty("attestations").EnumerateArray().ToDictionary(a => a.GetProperty("fact").GetString()!);
        Assert.Equal(["roles", "apps", "groups"], facts.Keys);
        Assert.Equal(("attested", "2027-01-15", attestation.GetProperty("id").GetString(), ApiData.HaydenManagerEmail),
            (facts["roles"].GetProperty("status").GetString(), facts["roles"].GetProperty("dueOn").GetString(),
             facts["roles"].GetProperty("attestationId").GetString(), facts["roles"].GetProperty("approver").GetString()));
        Assert.Equal(("missing", JsonValueKind.Null), (facts["apps"].GetProperty("status").GetString(), facts["apps"].GetProperty("dueOn").ValueKind));
        var facebook = items["cln-hayden-fb"];
        Assert.Equal(JsonValueKind.Null, facebook.GetProperty("budget").ValueKind);
        Assert.Equal(JsonValueKind.Null, facebook.GetProperty("throttledSince").ValueKind);
        Assert.Equal(["groups"], facebook.GetProperty("attestations").EnumerateArray().Select(a => a.GetProperty("fact").GetString()));
        Assert.Contains(",throttled: quotaExceeded,2026-10-15T18:00:00Z,42,10000,apps groups,", csv, StringComparison.Ordinal);
    }

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
