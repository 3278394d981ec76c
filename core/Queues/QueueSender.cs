using System.Security.Cryptography;
using System.Text;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Queues;

/// <summary>Sends the app's queue messages as JSON (Base64 on the wire, as the trigger expects).</summary>
public sealed class QueueSender(StorageClients storage)
{
    /// <summary>Base64 makes 48 KiB of JSON into 64 KiB, the queue's limit; anything larger goes through a blob.</summary>
    internal const int MaxInlineBytes = 45 * 1024;

    public async Task SendAsync<T>(string queue, T message, CancellationToken cancellationToken)
    {
        var client = await storage.QueueAsync(queue, cancellationToken);
        await client.SendMessageAsync(ItemJson.Serialize(message), cancellationToken);
    }

    /// <summary>
    /// Queues an item for evaluation, with the events the scan recorded for it (<paramref name="events"/>). A large item
    /// is written to a blob named by its content first (so a retry writes the same blob) and the message carries the
    /// blob's name: the claim check. <paramref name="approvalsChangedAt"/>: an approval recorded then is why the item is
    /// judged again, so the evaluator reads the approvals anew when it read them before that (its cache is per instance).
    /// </summary>
    public async Task SendItemAsync(Item item, CancellationToken cancellationToken, IReadOnlyList<string>? events = null, DateTimeOffset? approvalsChangedAt = null)
    {
        var inline = ItemJson.Serialize(new EvaluateItemMessage(item, null, events ?? [], approvalsChangedAt));
        if (Encoding.UTF8.GetByteCount(inline) <= MaxInlineBytes)
        {
            var client = await storage.QueueAsync(QueueNames.EvaluateItem, cancellationToken);
            await client.SendMessageAsync(inline, cancellationToken);
            return;
        }
        var json = ItemJson.Serialize(item);
        var name = $"{QueueNames.EvaluateItem}/{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))}.json";
        var container = await storage.ContainerAsync(ContainerNames.ClaimChecks, cancellationToken);
        await container.GetBlobClient(name).UploadAsync(BinaryData.FromString(json), overwrite: true, cancellationToken);
        await SendAsync(QueueNames.EvaluateItem, new EvaluateItemMessage(null, name, events ?? [], approvalsChangedAt), cancellationToken);
    }

    public async Task<Item> ReadClaimCheckAsync(string name, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(ContainerNames.ClaimChecks, cancellationToken);
        var content = await container.GetBlobClient(name).DownloadContentAsync(cancellationToken);
        return ItemJson.Deserialize<Item>(content.Value.Content.ToString());
    }
}
