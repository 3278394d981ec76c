using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Archive;

/// <summary>
/// The record of every platform answer, in the <c>archive</c> container: the body (tokens already scrubbed by the
/// client) named by its SHA-256, <c>pages/{platform}/{account}/{sha256}.json</c>, written once however often the same
/// answer comes back; and a line per answer in <c>log/{platform}/{account}/{yyyy-MM-dd}.jsonl</c> (time, stream, URL,
/// status, SHA-256, size). A retried scan logs its answers again: they were real calls. Each item version names the
/// answers it came from by their SHA-256 (docs/architecture.md, "Records requests"). Profile images the scanner fetched
/// go beside them as <c>images/{platform}/{account}/{sha256}.{ext}</c>, logged the same way.
/// </summary>
public sealed class ResponseArchive(StorageClients storage)
{
    /// <summary>Archives the answer; returns its SHA-256 (lower-case hex), the name it is kept under.</summary>
    public Task<string> RecordAsync(Account account, PlatformResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        return RecordAsync(account, response, Encoding.UTF8.GetBytes(response.Body), "pages", "json", "application/json", cancellationToken);
    }

    /// <summary>A profile image the scanner fetched (<paramref name="url"/> without its query), its bytes as they came.</summary>
    public Task RecordImageAsync(Account account, string stream, string url, byte[] bytes, string contentType, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var extension = contentType switch { "image/png" => "png", "image/jpeg" => "jpg", "image/gif" => "gif", "image/webp" => "webp", _ => "bin" };
        return RecordAsync(account, new PlatformResponse(stream, null, url, 200, "", at), bytes, "images", extension, contentType, cancellationToken);
    }

    private async Task<string> RecordAsync(Account account, PlatformResponse response, byte[] bytes, string folder, string extension, string contentType,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var container = await storage.ContainerAsync(ContainerNames.Archive, cancellationToken);
        var page = $"{folder}/{account.Platform}/{account.Id}/{sha}.{extension}";
        try
        {
            await container.GetBlobClient(page).UploadAsync(new BinaryData(bytes), new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                Metadata = new Dictionary<string, string> { ["sha256"] = sha },
                HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // The same answer was archived before: the log line below still records this one.
        }

        var log = container.GetAppendBlobClient(
            string.Create(CultureInfo.InvariantCulture, $"log/{account.Platform}/{account.Id}/{response.At.UtcDateTime:yyyy-MM-dd}.jsonl"));
        await log.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        var line = ItemJson.Serialize(new
        {
            response.At,
            response.Stream,
            response.Target,
            response.Url,
            response.Status,
            Sha256 = sha,
            Bytes = bytes.Length,
            Blob = page,
        }) + "\n";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(line));
        await log.AppendBlockAsync(stream, cancellationToken: cancellationToken);
        return sha;
    }

    /// <summary>
    /// An archived answer (its <see cref="PageName"/>) as a stream of its bytes, read from the network as it is consumed
    /// (one request, no buffer of the blob's size); null when the archive has none.
    /// </summary>
    public async Task<Stream?> OpenAsync(string page, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(ContainerNames.Archive, cancellationToken);
        try
        {
            return (await container.GetBlobClient(page).DownloadStreamingAsync(cancellationToken: cancellationToken)).Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Where an account's answer with this SHA-256 is kept in the <c>archive</c> container.</summary>
    public static string PageName(string platform, string account, string sha256) => $"pages/{platform}/{account}/{sha256}.json";
}
