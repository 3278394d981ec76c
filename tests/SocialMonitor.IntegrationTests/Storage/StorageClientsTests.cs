using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Storage;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Storage;

/// <summary>A caller that gives up while its table, queue or container is being created breaks no later caller.</summary>
public sealed class StorageClientsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private StorageClients NewClients() =>
        new(Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString }), new StaticTokenCredential("unused"));

    /// <summary>Starts a creation and cancels its caller at once, as a request aborted at start-up does.</summary>
    private static async Task GiveUpAsync(Func<CancellationToken, Task> create)
    {
        using var cancel = new CancellationTokenSource();
        var first = create(cancel.Token);
        await cancel.CancelAsync();
        try
        {
            await first;
        }
        catch (OperationCanceledException)
        {
            // The first caller gave up: what matters is the next one.
        }
    }

    [Fact]
    public async Task TableAsync_FirstCallerCancelled_SecondGetsTheCreatedTable()
    {
        await azurite.ResetAsync(Ct);
        var clients = NewClients();

        await GiveUpAsync(token => clients.TableAsync("cancelledfirst", token));
        var table = await clients.TableAsync("cancelledfirst", Ct);

        await table.UpsertEntityAsync(new TableEntity("p", "r"), cancellationToken: Ct);
        Assert.Equal("cancelledfirst", table.Name);
        Assert.Contains("cancelledfirst", await new TableServiceClient(azurite.ConnectionString).QueryAsync(cancellationToken: Ct).Select(t => t.Name).ToListAsync(Ct));
    }

    [Fact]
    public async Task QueueAsync_FirstCallerCancelled_SecondGetsTheCreatedQueue()
    {
        await azurite.ResetAsync(Ct);
        var clients = NewClients();

        await GiveUpAsync(token => clients.QueueAsync("cancelled-first", token));
        var queue = await clients.QueueAsync("cancelled-first", Ct);

        await queue.SendMessageAsync("hello", Ct);
        Assert.True((await new QueueServiceClient(azurite.ConnectionString).GetQueueClient("cancelled-first").ExistsAsync(Ct)).Value);
    }

    [Fact]
    public async Task ContainerAsync_FirstCallerCancelled_SecondGetsTheCreatedContainer()
    {
        await azurite.ResetAsync(Ct);
        var clients = NewClients();

        await GiveUpAsync(token => clients.ContainerAsync("cancelled-first", token));
        await clients.ContainerAsync("cancelled-first", Ct);

        Assert.True((await new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("cancelled-first").ExistsAsync(Ct)).Value);
    }
}
