using Azure;
using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Hosting;
using SocialMonitor.Core.Rules;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Policies;

/// <summary>
/// Where the policy comes from (<c>Policy__Path</c>): a file, relative paths resolving against the app's base directory
/// (every app copies <c>policy/</c> there), or a blob URI, read with a <see cref="BlobClient"/> and the app's
/// <see cref="TokenCredential"/>. A blob on the app's own storage account is read through its connection string when
/// it has one (Azurite locally). The lists and brand images are read from beside the policy, file or blob alike.
/// </summary>
public sealed class PolicySource(IOptions<PolicyOptions> options, IOptions<StorageOptions> storage, TokenCredential credential, BlobClientOptions? blobOptions = null)
{
    /// <summary>Where the policy is read from, for messages: the full file path, or the blob URI without its query.</summary>
    public string Location => options.Value.BlobUri is { } uri ? Shown(uri) : ServiceCollectionExtensions.PolicyPath(options.Value.Path);

    /// <summary>Reads and checks the policy and its lists; any problem is a <see cref="PolicyException"/>.</summary>
    public Policy Load()
    {
        if (options.Value.BlobUri is not { } uri)
        {
            return PolicyLoader.Load(ServiceCollectionExtensions.PolicyPath(options.Value.Path));
        }
        var json = Read(uri) ?? throw new PolicyException(Shown(uri), "$", "does not exist");
        return PolicyLoader.Load(Shown(uri), PolicyLoader.Text(json), relative => Read(new Uri(uri, relative)));
    }

    private byte[]? Read(Uri uri)
    {
        try
        {
            return Client(uri).DownloadContent().Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
        catch (Exception e) when (e is RequestFailedException or AuthenticationFailedException or AggregateException)
        {
            throw new PolicyException(Shown(uri), "$", $"cannot be read: {e.Message.Split('\n')[0].Trim()}", e);
        }
    }

    private BlobClient Client(Uri uri)
    {
        var settings = storage.Value;
        if (settings.AccountName is null && settings.ConnectionString is { } connectionString)
        {
            var service = new BlobServiceClient(connectionString);
            if (uri.AbsoluteUri.StartsWith(service.Uri.AbsoluteUri.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase))
            {
                var parts = new BlobUriBuilder(uri);
                return service.GetBlobContainerClient(parts.BlobContainerName).GetBlobClient(parts.BlobName);
            }
        }
        return new BlobClient(uri, credential, blobOptions);
    }

    /// <summary>The URI without its query, so that a SAS token never reaches a message or a log.</summary>
    private static string Shown(Uri uri) => uri.GetLeftPart(UriPartial.Path);
}
