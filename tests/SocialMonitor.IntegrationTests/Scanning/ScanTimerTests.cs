using System.Text;
using Azure.Storage.Queues;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Scanning;
using SocialMonitor.Functions;
using SocialMonitor.IntegrationTests.Functions;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Scanning;

public sealed class ScanTimerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Run_TwoAccounts_QueuesOneBase64MessagePerAccountThatTheTriggerReads()
    {
        await azurite.ResetAsync(Ct);
        await using var services = TestHost.Create(azurite);
        await services.GetRequiredService<AccountsImporter>().ImportAsync(AccountsFileReader.Read(SampleAccounts.Json), Ct);

        await new ScanTimer(services.GetRequiredService<ScanScheduler>()).Run(new TimerInfo(), Ct);

        // Read the wire bodies as the host does: Base64, then JSON.
        var raw = new QueueClient(azurite.ConnectionString, QueueNames.ScanAccount, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None });
        var messages = (await raw.ReceiveMessagesAsync(maxMessages: 32, cancellationToken: Ct)).Value;
        var bodies = messages.Select(m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Body.ToString()))).ToList();
        Assert.Equal(["cln-bookmobile-fb", "cln-hayden-fb"],
            bodies.Select(b => ItemJson.Deserialize<ScanAccountMessage>(b).Account).Order(StringComparer.Ordinal));

        // The queue trigger binds the decoded body: an account with no token fails with that reason, recorded by the middleware.
        var trigger = new ScanAccount(services.GetRequiredService<AccountScanner>());
        var invocation = new QueueInvocation(typeof(ScanAccount), bodies[0], 1, services, Ct);
        var middleware = new QueueAttemptMiddleware(services.GetRequiredService<QueueAttempts>());
        var error = await Assert.ThrowsAsync<KeyNotFoundException>(() =>
            middleware.Invoke(invocation, _ => trigger.Run(ItemJson.Deserialize<ScanAccountMessage>(bodies[0]), Ct)));
        Assert.Contains("Tokens__", error.Message, StringComparison.Ordinal);
        var attempt = await services.GetRequiredService<FailedAttemptStore>().GetAsync(QueueNames.ScanAccount, bodies[0], Ct);
        Assert.Equal(1, attempt!.Attempts);
    }
}
