using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Archive;
using SocialMonitor.Core.Evaluation;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Records;
using SocialMonitor.Core.Scanning;
using SocialMonitor.IntegrationTests.Api;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Records;

/// <summary>
/// A staff member's personal account in Hayden, its comment captured (with its archived answer) and flagged by the PII
/// rule, served by <c>socialmonitor serve</c>: its finding and item are the coordinator's only (Hayden's manager's key
/// reads neither, in any list, CSV, count or health row), and the records export holds them.
/// </summary>
public sealed class PersonalAccountApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Personal = "staff-sam-fb";

    private static readonly Item s_comment = new()
    {
        Id = "96_1", Platform = PlatformNames.Facebook, Account = Personal, Kind = ItemKinds.Comment, Origin = ItemOrigins.Guest,
        Author = new ItemAuthor("9001", "Pat Guest"), Text = "Book club moved to Thursday, call me at 208-555-0199 to sign up",
        CreatedAt = TestHost.Start.AddHours(-2),
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ManagerKey_PersonalAccountsFindingAndItem_AreInNoListCsvCountDetailOrHealthRow()
    {
        await using var api = await StartAsync();
        var finding = await CaptureAsync(api);
        using var manager = api.Client(ApiHost.HaydenKey);
        using var coordinator = api.Client(ApiHost.CoordinatorKey);

        foreach (var (client, sees) in new[] { (coordinator, true), (manager, false) })
        {
            var list = await client.GetFromJsonAsync<JsonElement>("/api/findings?pageSize=200", Ct);
            var byAccount = await client.GetFromJsonAsync<JsonElement>($"/api/findings?account={Personal}", Ct);
            var byText = await client.GetFromJsonAsync<JsonElement>("/api/findings?q=book%20club", Ct);
            var csv = await client.GetStringAsync("/api/findings?format=csv&pageSize=200", Ct);
            var summary = await client.GetFromJsonAsync<JsonElement>("/api/findings/summary", Ct);
            var health = await client.GetFromJsonAsync<JsonElement>("/api/health", Ct);
            using var detail = await client.GetAsync($"/api/findings/{finding}", Ct);
            using var item = await client.GetAsync($"/api/items/{s_comment.Id}", Ct);

            Assert.Equal(sees, list.GetProperty("items").EnumerateArray().Any(f => f.GetProperty("id").GetString() == finding));
            Assert.Equal(sees ? 1 : 0, byAccount.GetProperty("items").GetArrayLength());
            Assert.Equal(sees ? 1 : 0, byText.GetProperty("items").GetArrayLength());
            Assert.Equal(sees, csv.Contains(finding, StringComparison.Ordinal));
            Assert.Equal(sees, summary.GetProperty("byAccount").TryGetProperty(Personal, out _));
            Assert.Equal(sees, health.GetProperty("items").EnumerateArray().Any(a => a.GetProperty("account").GetString() == Personal));
            Assert.Equal(sees ? HttpStatusCode.OK : HttpStatusCode.NotFound, detail.StatusCode);
            Assert.Equal(sees ? HttpStatusCode.OK : HttpStatusCode.NotFound, item.StatusCode);
            Assert.Equal(sees, (await client.GetStringAsync("/api/accounts", Ct)).Contains(Personal, StringComparison.Ordinal));
            Assert.Equal(sees, (await client.GetStringAsync("/api/session", Ct)).Contains(Personal, StringComparison.Ordinal));
        }
        // The manager still sees their location's own findings: only the personal account's are withheld.
        var own = await manager.GetFromJsonAsync<JsonElement>("/api/findings/summary", Ct);
        Assert.True(own.GetProperty("byAccount").TryGetProperty("cln-hayden-fb", out _));
        // The trends count it for the coordinator only: Hayden's figures differ by exactly that one PII finding.
        async Task<(int Raised, int Pii)> TrendsAsync(HttpClient client)
        {
            var trends = await client.GetFromJsonAsync<JsonElement>("/api/findings/trends?location=hayden", Ct);
            var raised = trends.GetProperty("byLocation").EnumerateArray().Sum(l => l.GetProperty("counts").EnumerateArray().Sum(c => c.GetInt32()));
            var pii = trends.GetProperty("dismissedByRule").EnumerateArray().Where(r => r.GetProperty("rule").GetString() == "pii.phone").Sum(r => r.GetProperty("raised").GetInt32());
            return (raised, pii);
        }
        var (coordinatorRaised, coordinatorPii) = await TrendsAsync(coordinator);
        var (managerRaised, managerPii) = await TrendsAsync(manager);
        Assert.Equal((managerRaised + 1, managerPii + 1), (coordinatorRaised, coordinatorPii));
    }

    [Fact]
    public async Task ManagerKey_DispositionOfPersonalAccountsFinding_Is404AndChangesNothing()
    {
        await using var api = await StartAsync();
        var finding = await CaptureAsync(api);
        using var manager = api.Client(ApiHost.HaydenKey);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/findings/{finding}/disposition")
        {
            Content = JsonContent.Create(new { status = "dismissed", reason = "not ours" }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "\"W/any\"");

        using var response = await manager.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var stored = await api.Services.GetRequiredService<Core.Findings.FindingStore>().GetAsync("hayden", finding, Ct);
        Assert.Equal("open", stored!.Status);
    }

    [Fact]
    public async Task Export_PersonalAccount_HoldsItsItemRawAnswerAndFinding()
    {
        await using var api = await StartAsync();
        var finding = await CaptureAsync(api);
        using var coordinator = api.Client(ApiHost.CoordinatorKey);

        var bytes = await coordinator.GetByteArrayAsync($"/api/records/export?account={Personal}", Ct);

        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        var entry = zip.GetEntry(RecordsPaths.Item(PlatformNames.Facebook, Personal, s_comment.Id));
        Assert.NotNull(entry);
        using var file = await JsonDocument.ParseAsync(await entry.OpenAsync(Ct), cancellationToken: Ct);
        var version = Assert.Single(file.RootElement.GetProperty("versions").EnumerateArray());
        Assert.Equal(s_comment.Text, version.GetProperty("item").GetProperty("text").GetString());
        var raw = version.GetProperty("raw")[0].GetString()!;
        Assert.NotNull(zip.GetEntry(raw));
        using var findings = await JsonDocument.ParseAsync(await zip.GetEntry(RecordsPaths.FindingsJson)!.OpenAsync(Ct), cancellationToken: Ct);
        var exported = Assert.Single(findings.RootElement.EnumerateArray());
        Assert.Equal((finding, "pii.phone"), (exported.GetProperty("finding").GetProperty("id").GetString(), exported.GetProperty("finding").GetProperty("rule").GetString()));
        Assert.All(zip.Entries.Where(e => e.FullName.StartsWith("items/", StringComparison.Ordinal)), e => Assert.Contains($"/{Personal}/", e.FullName, StringComparison.Ordinal));
    }

    private async Task<ApiHost> StartAsync()
    {
        var api = await ApiHost.StartAsync(azurite, ApiHost.Serve, Ct);
        var accounts = ApiData.AccountsJson.Replace("\"accounts\": [", """
            "accounts": [
               {"id": "staff-sam-fb", "platform": "facebook", "platformId": "104000000000096", "handle": "SamReadsBooks", "use": "personal",
                "location": "hayden", "token": "staff-sam-fb-token", "approvedBy": "sam.lee@example.org", "approvedOn": "2026-09-01"},
            """, StringComparison.Ordinal);
        await api.Services.GetRequiredService<AccountsImporter>().ImportAsync(AccountsFileReader.Read(accounts), Ct);
        await ApiData.SeedAsync(api.Services, Ct);
        return api;
    }

    /// <summary>The comment captured as a scan records it (its answer archived, its version naming it) and evaluated: the PII finding's id.</summary>
    private static async Task<string> CaptureAsync(ApiHost api)
    {
        var account = (await api.Services.GetRequiredService<AccountRegistry>().GetAccountAsync(Personal, Ct))!;
        Assert.True(account.Personal);
        var body = ItemJson.Serialize(new { data = new[] { new { id = s_comment.Id, message = s_comment.Text } } });
        var response = new PlatformResponse(StreamNames.Comments, "96", "http://127.0.0.1/facebook/v25.0/96/comments", 200, body, TestHost.Start);
        var answers = new StreamAnswers();
        answers.Add(await api.Services.GetRequiredService<ResponseArchive>().RecordAsync(account, response, Ct), response);
        await api.Services.GetRequiredService<ItemRecorder>().RecordAsync(account, StreamNames.Key(StreamNames.Comments, "96"), [s_comment],
            new Dictionary<string, IndexedItem>(), firstScan: false, answers, Ct);
        var findings = await api.Services.GetRequiredService<ItemEvaluator>().EvaluateAsync(new EvaluateItemMessage(s_comment, null), Ct);
        return Assert.Single(findings).Id;
    }
}
