using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
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

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
