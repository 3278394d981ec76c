using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Audit;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Storage;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Queues;

public sealed class DeadMessageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DrainAsync_MessageFailsFiveTimes_BecomesOneCaptureFindingWithItsLastError()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite); // No token is set: every scan of the account fails.
        await services.GetRequiredService<AccountsImporter>().ImportAsync(AccountsFileReader.Read(SampleAccounts.Json), Ct);
        var sender = services.GetRequiredService<QueueSender>();
        await sender.SendAsync(QueueNames.ScanAccount, new ScanAccountMessage("cln-hayden-fb"), Ct);

        await services.GetRequiredService<QueueDrainer>().DrainAsync(QueueDrainer.AllQueues, Ct);

        var store = services.GetRequiredService<FindingStore>();
        var page = await store.ListAsync(new FindingQuery(["hayden", "bookmobile", Locations.District], null), null, 50, Ct);
        var dead = Assert.Single(page.Items, f => f.Rule == DeadMessageHandler.Rule);
        Assert.Equal("hayden", dead.Location);
        Assert.Contains("failed 5 times", dead.Evidence, StringComparison.Ordinal);
        Assert.Contains("No token named 'cln-hayden-fb-token'", dead.Evidence, StringComparison.Ordinal);
        var container = await services.GetRequiredService<StorageClients>().ContainerAsync(ContainerNames.DeadLetters, Ct);
        Assert.Single(container.GetBlobs(cancellationToken: Ct));
        var poison = await services.GetRequiredService<StorageClients>().QueueAsync(QueueNames.ScanAccountPoison, Ct);
        Assert.Empty((await poison.PeekMessagesAsync(cancellationToken: Ct)).Value);
    }

    [Fact]
    public async Task DrainAsync_EvaluateMessageFailsFiveTimes_ReachesPoisonAndBecomesADistrictCaptureFinding()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite);
        await services.GetRequiredService<AccountsImporter>().ImportAsync(AccountsFileReader.Read(SampleAccounts.Json), Ct);
        var body = ItemJson.Serialize(new EvaluateItemMessage(null, null)); // Neither an item nor a claim check: fails every time.
        await services.GetRequiredService<QueueSender>().SendAsync(QueueNames.EvaluateItem, new EvaluateItemMessage(null, null), Ct);

        await services.GetRequiredService<QueueDrainer>().DrainAsync(QueueDrainer.AllQueues, Ct);

        var attempt = await services.GetRequiredService<FailedAttemptStore>().GetAsync(QueueNames.EvaluateItem, body, Ct);
        Assert.Equal(QueueNames.MaxDequeueCount, attempt!.Attempts);
        var page = await services.GetRequiredService<FindingStore>().ListAsync(new FindingQuery([Locations.District], null), null, 50, Ct);
        var dead = Assert.Single(page.Items, f => f.Rule == DeadMessageHandler.Rule);
        Assert.Equal((Locations.District, Actors.System, $"{QueueNames.EvaluateItem}/{FailedAttemptStore.BodyHash(body)}"), (dead.Location, dead.Platform, dead.ItemId));
        Assert.Contains("evaluate-item message for item (claim check) failed 5 times", dead.Evidence, StringComparison.Ordinal);
        Assert.Contains("must carry an item or a claim check", dead.Evidence, StringComparison.Ordinal);
        var poison = await services.GetRequiredService<StorageClients>().QueueAsync(QueueNames.EvaluateItemPoison, Ct);
        Assert.Empty((await poison.PeekMessagesAsync(cancellationToken: Ct)).Value);
    }

    [Fact]
    public async Task DrainAsync_EvaluateMessageWithAnUnreadableDate_BecomesADeadMessageWithItsRawBody_AndTheDrainEnds()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite);
        await services.GetRequiredService<AccountsImporter>().ImportAsync(AccountsFileReader.Read(SampleAccounts.Json), Ct);
        const string Body = """{"item":{"id":"x","createdAt":"garbage"}}""";
        var storage = services.GetRequiredService<StorageClients>();
        await (await storage.QueueAsync(QueueNames.EvaluateItem, Ct)).SendMessageAsync(Body, Ct);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromMinutes(2)); // Before the fix the drain never ended.

        await services.GetRequiredService<QueueDrainer>().DrainAsync(QueueDrainer.AllQueues, deadline.Token);

        var page = await services.GetRequiredService<FindingStore>().ListAsync(new FindingQuery([Locations.District], null), null, 50, Ct);
        var dead = Assert.Single(page.Items, f => f.Rule == DeadMessageHandler.Rule);
        Assert.Contains("an unreadable body", dead.Evidence, StringComparison.Ordinal);
        var container = await storage.ContainerAsync(ContainerNames.DeadLetters, Ct);
        var blob = Assert.Single(container.GetBlobs(cancellationToken: Ct));
        Assert.Equal($"{QueueNames.EvaluateItem}/{FailedAttemptStore.BodyHash(Body)}.json", blob.Name);
        Assert.Equal(Body, (await container.GetBlobClient(blob.Name).DownloadContentAsync(Ct)).Value.Content.ToString());
        foreach (var name in QueueDrainer.AllQueues)
        {
            Assert.Empty((await (await storage.QueueAsync(name, Ct)).PeekMessagesAsync(cancellationToken: Ct)).Value);
        }
    }
}
