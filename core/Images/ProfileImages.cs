using Microsoft.Extensions.Logging;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Archive;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Platforms;

namespace SocialMonitor.Core.Images;

/// <summary>
/// The scanner's image step (docs/architecture.md, "Branding"): for each profile item of a read, fetches its picture
/// and banner through the <see cref="ImageFetcher"/> guard from the client's own image hosts, archives the bytes,
/// and adds each image's perceptual hash to the item's facts (<see cref="ProfileFacts.PictureHash"/>), so the rule
/// that compares it stays pure. An image that is refused or does not decode adds its reason instead
/// (<see cref="ProfileFacts.PictureUnreadable"/>), is logged, and raises nothing: the profile is recorded all the same.
/// Storage failures are thrown, so the queue retries the scan; the retry reads the profile again and fetches its images again
/// (the archive keeps one copy of each image by its SHA-256).
/// </summary>
public sealed partial class ProfileImages(ImageFetcher fetcher, ResponseArchive archive, TimeProvider time, ILogger<ProfileImages> logger)
{
    public async Task<IReadOnlyList<Item>> AddHashesAsync(IPlatformClient client, Account account, IReadOnlyList<Item> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(items);
        if (!items.Any(i => i.Kind == ItemKinds.Profile && i.Facts is not null))
        {
            return items;
        }
        var result = new List<Item>(items.Count);
        foreach (var item in items)
        {
            result.Add(item.Kind == ItemKinds.Profile && item.Facts is { } facts ? item with { Facts = await HashAsync(client, account, facts, cancellationToken) } : item);
        }
        return result;
    }

    private async Task<IReadOnlyDictionary<string, string>> HashAsync(IPlatformClient client, Account account, IReadOnlyDictionary<string, string> facts,
        CancellationToken cancellationToken)
    {
        var added = new Dictionary<string, string>(facts, StringComparer.Ordinal);
        foreach (var (urlFact, hashFact, unreadableFact) in ProfileFacts.Images)
        {
            if (facts.GetValueOrDefault(urlFact) is not { Length: > 0 } url)
            {
                continue;
            }
            try
            {
                var (bytes, type) = await fetcher.FetchAsync(url, client.ImageHosts, cancellationToken).ConfigureAwait(false);
                await archive.RecordImageAsync(account, StreamNames.Profile, new Uri(url).GetLeftPart(UriPartial.Path), bytes, type, time.GetUtcNow(), cancellationToken)
                    .ConfigureAwait(false);
                added[hashFact] = PerceptualHash.Format(PerceptualHash.Compute(bytes));
            }
            catch (ImageRefusedException e)
            {
                LogUnreadable(logger, account.Id, urlFact, e.Message);
                added[unreadableFact] = e.Message;
            }
        }
        return added;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account {Account}: the profile's {Image} was not hashed: {Reason}")]
    private static partial void LogUnreadable(ILogger logger, string account, string image, string reason);
}
