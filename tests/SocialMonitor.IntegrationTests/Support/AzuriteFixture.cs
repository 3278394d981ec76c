using SocialMonitor.Local;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using SocialMonitor.Core.Hosting;

namespace SocialMonitor.IntegrationTests.Support;

/// <summary>
/// One Azurite per test class, in memory on free ports, started through the same harness as the CLI. It never skips:
/// if Azurite cannot start, every test of the class fails with the reason (and Azurite's output, which is otherwise
/// not printed: a test run's log is for the tests).
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private Azurite? _azurite;

    public string ConnectionString => _azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite is not running.");

    public async ValueTask InitializeAsync() =>
        _azurite = await Azurite.StartAsync(TextWriter.Null, dataDirectory: null, TestContext.Current.CancellationToken);

    /// <summary>Deletes every table, queue and container, so that a test starts from empty storage.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        var tables = new TableServiceClient(ConnectionString);
        await foreach (var table in tables.QueryAsync(cancellationToken: cancellationToken))
        {
            await tables.DeleteTableAsync(table.Name, cancellationToken);
        }
        var queues = new QueueServiceClient(ConnectionString);
        await foreach (var queue in queues.GetQueuesAsync(cancellationToken: cancellationToken))
        {
            await queues.DeleteQueueAsync(queue.Name, cancellationToken);
        }
        var blobs = new BlobServiceClient(ConnectionString);
        await foreach (var container in blobs.GetBlobContainersAsync(cancellationToken: cancellationToken))
        {
            await blobs.DeleteBlobContainerAsync(container.Name, cancellationToken: cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
