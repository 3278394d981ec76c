using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Platforms.Instagram;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Rules.Governance;
using SocialMonitor.Core.Scanning;
using SocialMonitor.IntegrationTests.Support;
using SocialMonitor.Local;
using SocialMonitor.Local.Platforms.Instagram;

namespace SocialMonitor.IntegrationTests.Platforms.Instagram;

/// <summary>An Instagram account scanned on the shared scanning path against the loopback fake and Azurite: the calls of a scan, an edit, a hide.</summary>
public sealed class InstagramScanTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string AccountId = "cln-test-ig";
    private const string Token = "EAAGscanIgToken8Hn3";

    private const string AccountsJson = """
        {"coordinator": {"name": "Jordan Avery", "email": "coordinator@example.org", "objectId": null},
         "locations": [{"id": "hayden", "name": "Hayden", "managers": [{"name": "Sam Lee", "email": "sam.lee@example.org", "objectId": null}]}],
         "accounts": [{"id": "cln-test-ig", "platform": "instagram", "platformId": "17841400000000901", "handle": "clntest",
                       "location": "hayden", "token": "cln-test-ig-token", "approvedBy": "coordinator@example.org", "approvedOn": "2026-02-02"}]}
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ScanAsync_SecondScanWithNothingNew_CostsTwoCallsMediaAndStories()
    {
        await using var run = await StartAsync();
        var first = await ScanAsync(run);
        run.Time.Advance(TimeSpan.FromMinutes(15));

        var second = await ScanAsync(run);

        // Comments: the one media with comments, and its replies edge (3 replies, 2 nested).
        Assert.Equal(new Dictionary<string, int> { [StreamNames.Comments] = 2, [StreamNames.Posts] = 1, [StreamNames.Profile] = 1, [InstagramClient.Stories] = 1, [InstagramClient.Tags] = 1 },
            first.CallsByStream);
        Assert.Equal((2, 0), (second.Calls, second.ItemsQueued));
        Assert.Equal(new Dictionary<string, int> { [StreamNames.Posts] = 1, [InstagramClient.Stories] = 1 }, second.CallsByStream);
    }

    [Fact]
    public async Task ScanAsync_CaptionEditedAndGuestCommentHidden_NewVersionAndAModerationFinding()
    {
        await using var run = await StartAsync();
        await ScanAndDrainAsync(run);
        run.Time.Advance(TimeSpan.FromHours(25)); // the comments of media in the comment window are read again once a day
        run.Server.Update("17900000000000003", m => m["caption"] = "Storytime moved to 11");
        run.Server.Update("17950000000000002", c => c["hidden"] = true);

        await ScanAndDrainAsync(run);

        var media = await run.Services.GetRequiredService<ItemIndex>().GetAsync(AccountId, "17900000000000003", Ct);
        Assert.Equal(2, media!.Version);
        var findings = (await run.Services.GetRequiredService<FindingStore>().ListAsync(new FindingQuery(["hayden", Locations.District], null), null, 200, Ct)).Items;
        var moderation = Assert.Single(findings, f => f.Rule == ModerationRule.Rule);
        Assert.Equal(("17950000000000002", PlatformNames.Instagram), (moderation.ItemId, moderation.Platform));
    }

    private async Task<Run> StartAsync()
    {
        await azurite.ResetAsync(Ct);
        var server = new InstagramGraph(InstagramSampleData.Parse(InstagramClientTests.DataJson), new HashSet<string>([Token]));
        var host = await LoopbackPlatformHost.StartAsync([server], Ct);
        var services = TestHost.Create(azurite, new Dictionary<string, string?>
        {
            ["Platforms:Instagram:BaseUrl"] = server.BaseUrl,
            ["Tokens:cln-test-ig-token"] = Token,
        });
        await services.GetRequiredService<AccountsImporter>().ImportAsync(AccountsFileReader.Read(AccountsJson), Ct);
        return new Run(host, server, services);
    }

    private static Task<ScanSummary> ScanAsync(Run run) =>
        run.Services.GetRequiredService<AccountScanner>().ScanAsync(new ScanAccountMessage(AccountId), Ct);

    private static async Task ScanAndDrainAsync(Run run)
    {
        await run.Services.GetRequiredService<ScanScheduler>().QueueAllAsync(Ct);
        await run.Services.GetRequiredService<QueueDrainer>().DrainAsync(QueueDrainer.AllQueues, Ct);
    }

    private sealed class Run(LoopbackPlatformHost host, InstagramGraph server, ServiceProvider services) : IAsyncDisposable
    {
        public InstagramGraph Server => server;
        public ServiceProvider Services => services;
        public FakeTimeProvider Time => (FakeTimeProvider)services.GetRequiredService<TimeProvider>();

        public async ValueTask DisposeAsync()
        {
            await services.DisposeAsync();
            await host.DisposeAsync();
        }
    }
}
