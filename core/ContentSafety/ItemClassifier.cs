using SocialMonitor.Core.Audit;
using SocialMonitor.Core.Accounts;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Rules;
using SocialMonitor.Core.Rules.Conduct;
using SocialMonitor.Core.Scanning;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.ContentSafety;

/// <summary>
/// Asks the optional classifier about an item before evaluation, like the link resolver (never inside a rule): guest items
/// with text, and official ones too when the policy's <c>classifier.officialItems</c> says so. Off (no
/// <c>ContentSafety__Endpoint</c>): no request at all. Each answer is archived with the item version, in the
/// <c>archive</c> container as <c>classifier/{platform}/{hash of item id}/{version}.json</c> (categories and severities
/// only, never the text or a token). A failure leaves the item to the rules alone and raises the one monitor-wide
/// <c>capture.classifier-failed</c> finding (merged while it lasts, reopened if it comes back); the first answer after
/// it resolves that finding. A retried evaluation asks again and overwrites the same archive blob.
/// </summary>
public sealed partial class ItemClassifier(
    ContentSafetyClient client,
    IOptions<ContentSafetyOptions> options,
    Policy policy,
    StorageClients storage,
    FindingRecorder recorder,
    FindingLifecycle lifecycle,
    TimeProvider time,
    ILogger<ItemClassifier> logger)
{
    public const string Source = "Azure AI Content Safety";
    private const string Subject = "content-safety";

    private int _healthy; // 0: not known since start, 1: answered last time, -1: failed last time.

    public static string FailedFindingId => FindingIds.For(Actors.System, Subject, CaptureCondition.ClassifierFailed.Rule, CaptureCondition.ClassifierFailed.Key);

    /// <summary>The classifier's answer for <paramref name="item"/>, or null when it is off, the item is not for it, or it failed.</summary>
    public async Task<Classification?> ClassifyAsync(Item item, string version, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled || string.IsNullOrWhiteSpace(item.Text)
            || !(item.Origin == ItemOrigins.Guest || (item.Origin == ItemOrigins.Official && policy.Classifier.OfficialItems)))
        {
            return null;
        }
        ContentSafetyAnswer answer;
        try
        {
            answer = await client.AnalyzeAsync(item.Text, cancellationToken);
        }
        catch (ContentSafetyException e)
        {
            LogFailed(logger, item.Platform, item.Id, e.Message);
            await RaiseFailedAsync(e.Message, cancellationToken);
            return null;
        }
        await ArchiveAsync(item, version, answer, settings.MinSeverity, cancellationToken);
        if (Volatile.Read(ref _healthy) != 1)
        {
            await lifecycle.ResolveBySystemAsync(Locations.District, FailedFindingId, $"{Source} answers again.", cancellationToken);
            Volatile.Write(ref _healthy, 1);
        }
        return new Classification(Source, answer.Severities, settings.MinSeverity);
    }

    /// <summary>
    /// The ids of the findings the classifier alone can raise on <paramref name="item"/> (one per mapped category). Without
    /// its answer (off, or failed) they are kept as they are: nothing says their problem went away.
    /// </summary>
    public static IEnumerable<string> OwnFindingIds(Item item, Policy policy)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(policy);
        return policy.Classifier.Categories.Select(c => FindingIds.For(item.Platform, item.Id, c.Value, ClassifierEvidence.KeyPrefix + c.Key));
    }

    /// <summary>The archive folder of one item's classifier answers (<c>classifier/{platform}/{hash of item id}/</c>), which retention removes with the item.</summary>
    public static string Folder(string platform, string itemId) =>
        $"classifier/{TableKeys.Escape(platform)}/{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(itemId)))[..32]}/";

    private async Task ArchiveAsync(Item item, string version, ContentSafetyAnswer answer, int minSeverity, CancellationToken cancellationToken)
    {
        var container = await storage.ContainerAsync(ContainerNames.Archive, cancellationToken);
        var blob = $"{Folder(item.Platform, item.Id)}{TableKeys.Escape(version)}.json";
        var record = ItemJson.Serialize(new
        {
            At = time.GetUtcNow(),
            Service = Source,
            ContentSafetyClient.ApiVersion,
            item.Platform,
            ItemId = item.Id,
            Version = version,
            MinSeverity = minSeverity,
            answer.Severities,
            answer.Parts,
        });
        await container.GetBlobClient(blob).UploadAsync(BinaryData.FromString(record), overwrite: true, cancellationToken);
    }

    private async Task RaiseFailedAsync(string failure, CancellationToken cancellationToken)
    {
        var condition = CaptureCondition.ClassifierFailed;
        var now = time.GetUtcNow();
        var explanation = $"{Source} gave no answer, so items are checked by the term lists alone until it answers again (this finding then "
            + "resolves itself). Check the resource, its Cognitive Services User role for the app's identity, and ContentSafety__Endpoint.";
        var detection = new Detection(condition.Rule, condition.Severity, CaptureCondition.StaffUse2, failure, condition.Key, explanation);
        var finding = await recorder.RecordAsync(Finding.Create(detection, Actors.System, Subject, Locations.District, null, now), cancellationToken);
        if (finding.Status == FindingStatuses.Resolved)
        {
            await lifecycle.ReopenBySystemAsync(Locations.District, finding.Id, $"{condition.Rule} again: {failure}", cancellationToken);
        }
        Volatile.Write(ref _healthy, -1);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Azure AI Content Safety gave no answer for {Platform} item {ItemId}; the rules alone evaluate it: {Failure}")]
    private static partial void LogFailed(ILogger logger, string platform, string itemId, string failure);
}
