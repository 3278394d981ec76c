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
/// container is created on first use, once for all callers; a creation that failed is retried by the next caller. Queue clients always send Base64, as the Functions queue trigger expects.
/// </summary>
public sealed class StorageClients
{
    private readonly TableServiceClient _tables;
    private readonly QueueServiceClient _queues;
    private readonly BlobServiceClient _blobs;
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tableClients = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<QueueClient>>> _queueClients = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<BlobContainerClient>>> _containers = new(StringComparer.Ordinal);

    public StorageClients(IOptions<StorageOptions> options, TokenCredential credential, IEnumerable<HttpPipelinePolicy>? policies = null)
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

    private static T With<T>(T clientOptions, IEnumerable<HttpPipelinePolicy>? policies) where T : ClientOptions
    {
        foreach (var policy in policies ?? [])
        {
            clientOptions.AddPolicy(policy, HttpPipelinePosition.PerCall);
        }
        return clientOptions;
    }

    public Task<TableClient> TableAsync(string name, CancellationToken cancellationToken) =>
        CreatedAsync(_tableClients, name, async n =>
        {
            var client = _tables.GetTableClient(n);
            await client.CreateIfNotExistsAsync(CancellationToken.None);
            return client;
        }, cancellationToken);

    public Task<QueueClient> QueueAsync(string name, CancellationToken cancellationToken) =>
        CreatedAsync(_queueClients, name, async n =>
        {
            var client = _queues.GetQueueClient(n);
            await client.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
            return client;
        }, cancellationToken);

    public Task<BlobContainerClient> ContainerAsync(string name, CancellationToken cancellationToken) =>
        CreatedAsync(_containers, name, async n =>
        {
            var client = _blobs.GetBlobContainerClient(n);
            await client.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
            return client;
        }, cancellationToken);

    /// <summary>
    /// The cached creation of <paramref name="name"/>, started once for all callers. It runs without any caller's token
    /// (the SDK's own retries and timeouts bound it), so a caller that gives up stops waiting without cancelling it for
    /// the others. A creation that failed is dropped, and the next caller starts a new one.
    /// </summary>
    private static Task<T> CreatedAsync<T>(
        ConcurrentDictionary<string, Lazy<Task<T>>> cache, string name, Func<string, Task<T>> create, CancellationToken cancellationToken)
    {
        var entry = cache.GetOrAdd(name, n => new Lazy<Task<T>>(() => create(n)));
        if (entry.Value is { IsFaulted: true } or { IsCanceled: true })
        {
            cache.TryRemove(KeyValuePair.Create(name, entry));
            entry = cache.GetOrAdd(name, n => new Lazy<Task<T>>(() => create(n)));
        }
        return entry.Value.WaitAsync(cancellationToken);
    }
}
