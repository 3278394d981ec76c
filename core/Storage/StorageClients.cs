using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace SocialMonitor.Core.Storage;

/// <summary>
/// The one storage account's table, queue and blob clients, from <c>AzureWebJobsStorage</c>. Each table, queue and
/// container is created on first use. Queue clients always send Base64, as the Functions queue trigger expects.
/// The <see cref="HttpPipelinePolicy"/> instances registered in DI are added to every client: none in the app; the tests
/// use one to make a single storage write fail.
/// </summary>
public sealed class StorageClients
{
    private readonly TableServiceClient _tables;
    private readonly QueueServiceClient _queues;
    private readonly BlobServiceClient _blobs;
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tableClients = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<QueueClient>>> _queueClients = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<BlobContainerClient>>> _containers = new(StringComparer.Ordinal);

    public StorageClients(IOptions<StorageOptions> options, TokenCredential credential, IEnumerable<HttpPipelinePolicy> policies)
    {
        var settings = options.Value;
        var tableOptions = With(new TableClientOptions(), policies);
        var queueOptions = With(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }, policies);
        var blobOptions = With(new BlobClientOptions(), policies);
        if (settings.AccountName is { } account)
        {
            _tables = new TableServiceClient(new Uri($"https://{account}.table.core.windows.net"), credential, tableOptions);
            _queues = new QueueServiceClient(new Uri($"https://{account}.queue.core.windows.net"), credential, queueOptions);
            _blobs = new BlobServiceClient(new Uri($"https://{account}.blob.core.windows.net"), credential, blobOptions);
        }
        else
        {
            var connectionString = settings.ConnectionString!;
            _tables = new TableServiceClient(connectionString, tableOptions);
            _queues = new QueueServiceClient(connectionString, queueOptions);
            _blobs = new BlobServiceClient(connectionString, blobOptions);
        }
    }

    private static T With<T>(T clientOptions, IEnumerable<HttpPipelinePolicy> policies) where T : ClientOptions
    {
        foreach (var policy in policies)
        {
            clientOptions.AddPolicy(policy, HttpPipelinePosition.PerCall);
        }
        return clientOptions;
    }

    public Task<TableClient> TableAsync(string name, CancellationToken cancellationToken) =>
        _tableClients.GetOrAdd(name, n => new Lazy<Task<TableClient>>(async () =>
        {
            var client = _tables.GetTableClient(n);
            await client.CreateIfNotExistsAsync(cancellationToken);
            return client;
        })).Value;

    public Task<QueueClient> QueueAsync(string name, CancellationToken cancellationToken) =>
        _queueClients.GetOrAdd(name, n => new Lazy<Task<QueueClient>>(async () =>
        {
            var client = _queues.GetQueueClient(n);
            await client.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            return client;
        })).Value;

    public Task<BlobContainerClient> ContainerAsync(string name, CancellationToken cancellationToken) =>
        _containers.GetOrAdd(name, n => new Lazy<Task<BlobContainerClient>>(async () =>
        {
            var client = _blobs.GetBlobContainerClient(n);
            await client.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            return client;
        })).Value;
}
