using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Queues;

/// <summary>
/// Every failed attempt of a queue message, keyed by a hash of its body (table <c>FailedAttempts</c>, PartitionKey the
/// queue): the host copies only the body to the poison queue, so this is where the last error is kept.
/// </summary>
public sealed class FailedAttemptStore(StorageClients storage, TimeProvider time)
{
    public static string BodyHash(string body) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)));

    public async Task RecordAsync(string queue, string body, long dequeueCount, Exception error, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.FailedAttempts, cancellationToken);
        var message = UrlScrubber.Scrub($"{error.GetType().Name}: {error.Message}");
        await table.UpsertEntityAsync(new FailedAttemptRow
        {
            PartitionKey = queue,
            RowKey = BodyHash(body),
            Attempts = (int)dequeueCount,
            LastAttemptAt = time.GetUtcNow(),
            LastError = message.Length > 4000 ? message[..4000] : message,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<FailedAttempt?> GetAsync(string queue, string body, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.FailedAttempts, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<FailedAttemptRow>(queue, BodyHash(body), cancellationToken: cancellationToken);
        return row.HasValue
            ? new FailedAttempt(queue, row.Value!.RowKey, row.Value.Attempts ?? 0, row.Value.LastAttemptAt ?? default, row.Value.LastError ?? "")
            : null;
    }
}
