using Azure.Core.Serialization;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Evaluation;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Scanning;
using SocialMonitor.Functions;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Functions;

public sealed class QueueAttemptMiddlewareTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly JsonObjectSerializer s_workerSerializer = new(ItemJson.Options); // As Program.cs configures the worker.

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Invoke_TwoQueuesWithDifferentMessageTypes_RecordsEachFailedAttemptUnderItsOwnQueue()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite); // No token is set: every scan fails.
        await services.GetRequiredService<AccountsImporter>().ImportAsync(AccountsFileReader.Read(SampleAccounts.Json), Ct);
        var middleware = new QueueAttemptMiddleware(services.GetRequiredService<QueueAttempts>());
        var scanBody = ItemJson.Serialize(new ScanAccountMessage("cln-hayden-fb"));
        var evaluateBody = ItemJson.Serialize(new EvaluateItemMessage(null, null));
        var scan = new ScanAccount(services.GetRequiredService<AccountScanner>());
        var evaluate = new EvaluateItem(services.GetRequiredService<ItemEvaluator>());

        await Assert.ThrowsAsync<KeyNotFoundException>(() => middleware.Invoke(
            new QueueInvocation(typeof(ScanAccount), scanBody, 2, services, Ct), _ => scan.Run(Bind<ScanAccountMessage>(scanBody), Ct)));
        await Assert.ThrowsAsync<ArgumentException>(() => middleware.Invoke(
            new QueueInvocation(typeof(EvaluateItem), evaluateBody, 3, services, Ct), _ => evaluate.Run(Bind<EvaluateItemMessage>(evaluateBody), Ct)));

        var store = services.GetRequiredService<FailedAttemptStore>();
        var scanAttempt = await store.GetAsync(QueueNames.ScanAccount, scanBody, Ct);
        var evaluateAttempt = await store.GetAsync(QueueNames.EvaluateItem, evaluateBody, Ct);
        Assert.Equal((2, TestHost.Start), (scanAttempt!.Attempts, scanAttempt.LastAttemptAt));
        Assert.Contains("cln-hayden-fb-token", scanAttempt.LastError, StringComparison.Ordinal);
        Assert.Equal(3, evaluateAttempt!.Attempts);
        Assert.StartsWith("ArgumentException: An evaluate-item message must carry an item or a claim check.", evaluateAttempt.LastError, StringComparison.Ordinal);
        Assert.Null(await store.GetAsync(QueueNames.EvaluateItem, scanBody, Ct));
    }

    [Fact]
    public async Task Invoke_HttpFunctionFails_PassesTheErrorOnAndRecordsNothing()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite);
        var middleware = new QueueAttemptMiddleware(services.GetRequiredService<QueueAttempts>());

        await Assert.ThrowsAsync<InvalidOperationException>(() => middleware.Invoke(
            new QueueInvocation(typeof(HealthApiFunctions), "body", 1, services, Ct), _ => throw new InvalidOperationException("boom")));

        foreach (var queue in QueueDrainer.AllQueues)
        {
            Assert.Null(await services.GetRequiredService<FailedAttemptStore>().GetAsync(queue, "body", Ct));
        }
    }

    [Fact]
    public void QueueOf_EveryFunction_TheQueuesTheDrainerServesAreExactlyTheTriggersQueues()
    {
        var functions = typeof(ScanAccount).Assembly.GetTypes().Where(t => t.IsPublic && t.GetMethod("Run") is not null);

        var queues = functions.Select(f => QueueAttemptMiddleware.QueueOf(new QueueInvocation(f, "", 1, null!, default).FunctionDefinition)).OfType<string>();

        Assert.Equal(QueueDrainer.AllQueues.Order(StringComparer.Ordinal), queues.Order(StringComparer.Ordinal));
    }

    private static T Bind<T>(string body) => (T)s_workerSerializer.Deserialize(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body)), typeof(T), Ct)!;
}
