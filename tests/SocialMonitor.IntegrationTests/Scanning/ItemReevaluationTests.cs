using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Scanning;
using SocialMonitor.IntegrationTests.Api;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Scanning;

/// <summary><c>items reevaluate</c>'s core: the latest captured version of an account's items evaluated again.</summary>
public sealed class ItemReevaluationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task QueueAsync_AccountsItems_AreEvaluatedAgainFromTheirLatestVersion()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite);
        await ApiData.ImportAsync(services, Ct);
        var first = new Item { Id = "1_801", Platform = "facebook", Account = "cln-hayden-fb", Text = "old text" };
        var latest = first with { Text = "Tickets https://tickets.example/x", Links = ["https://tickets.example/x"] };
        var history = services.GetRequiredService<ItemHistory>();
        await history.AddVersionAsync("cln-hayden-fb", first, 1, "h1", TestHost.Start, [], Ct);
        await history.AddVersionAsync("cln-hayden-fb", latest, 2, "h2", TestHost.Start.AddMinutes(1), [], Ct);
        await services.GetRequiredService<ItemIndex>().SetAsync(new IndexedItem
        {
            Account = "cln-hayden-fb", ItemId = "1_801", Platform = "facebook", Kind = "post", Stream = "posts", Origin = "official", Hash = "h2", Version = 2,
        }, Ct);

        var queued = await services.GetRequiredService<ItemReevaluation>().QueueAsync(["cln-hayden-fb", "cln-rathdrum-fb"], Ct);
        await services.GetRequiredService<QueueDrainer>().DrainAsync([QueueNames.EvaluateItem], Ct);

        Assert.Equal(1, queued);
        var (location, id) = Assert.Single(await services.GetRequiredService<FindingStore>().ByItemAsync("facebook", "1_801", Ct));
        Assert.Equal("link-domain.unapproved", (await services.GetRequiredService<FindingStore>().GetAsync(location, id, Ct))!.Rule);
    }
}
