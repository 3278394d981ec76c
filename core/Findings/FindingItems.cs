using System.Security.Cryptography;
using System.Text;
using Azure;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Findings;

/// <summary>
/// Each item version that raised a finding, as the rules saw it (container <c>finding-items</c>, blob
/// <c>{platform}/{hash of item id}/{version}.json</c>), so that the API shows a finding with its item. The name comes
/// from the content, so a retry writes the same blob.
/// </summary>
public sealed class FindingItems(StorageClients storage)
{
    public async Task SaveAsync(Item item, string version, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(ContainerNames.FindingItems, cancellationToken);
        await container.GetBlobClient(BlobName(item.Platform, item.Id, version))
            .UploadAsync(BinaryData.FromString(ItemJson.Serialize(item)), overwrite: true, cancellationToken);
    }

    /// <summary>The item version the finding was last seen on, or null (a finding about no item, or one raised before items were kept).</summary>
    public async Task<Item?> GetAsync(Finding finding, CancellationToken cancellationToken)
    {
        if (finding.ItemVersion is null)
        {
            return null;
        }
        var container = await storage.ContainerAsync(ContainerNames.FindingItems, cancellationToken);
        try
        {
            var content = await container.GetBlobClient(BlobName(finding.Platform, finding.ItemId, finding.ItemVersion)).DownloadContentAsync(cancellationToken);
            return ItemJson.Deserialize<Item>(content.Value.Content.ToString());
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    private static string BlobName(string platform, string itemId, string version) =>
        $"{TableKeys.Escape(platform)}/{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(itemId)))[..32]}/{TableKeys.Escape(version)}.json";
}
