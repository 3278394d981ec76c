using System.Text.Json;
using Microsoft.Extensions.Logging;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Audit;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Rules;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Queues;

/// <summary>
/// A message that failed <see cref="QueueNames.MaxDequeueCount"/> times: its body is kept in the <c>dead-letters</c>
/// container (so nothing is lost) and it becomes one <c>capture.dead-message</c> finding carrying its last error.
/// Run twice, it writes the same blob and merges into the same finding.
/// </summary>
public sealed class DeadMessageHandler(
    StorageClients storage,
    FailedAttemptStore attempts,
    AccountRegistry registry,
    FindingRecorder recorder,
    TimeProvider time,
    ILogger<DeadMessageHandler> logger)
{
    public const string Rule = "capture.dead-message";

    public async Task HandleAsync(string poisonQueue, string body, CancellationToken cancellationToken)
    {
        var source = poisonQueue[..^QueueNames.PoisonSuffix.Length];
        var hash = FailedAttemptStore.BodyHash(body);
        var container = await storage.ContainerAsync(ContainerNames.DeadLetters, cancellationToken);
        await container.GetBlobClient($"{source}/{hash}.json").UploadAsync(BinaryData.FromString(body), overwrite: true, cancellationToken);

        var attempt = await attempts.GetAsync(source, body, cancellationToken);
        var (account, subject) = await DescribeAsync(source, body, cancellationToken);
        var now = time.GetUtcNow();
        var lastError = attempt is null ? "no failed attempt was recorded" : $"last error at {attempt.LastAttemptAt:u}: {attempt.LastError}";
        var detection = new Detection(
            Rule, Severities.High, Clauses.RegularMonitoring,
            $"{source} message for {subject} failed {attempt?.Attempts ?? QueueNames.MaxDequeueCount} times; {lastError}",
            hash,
            $"A queued {source} message could not be processed and was set aside; its body is kept in {ContainerNames.DeadLetters}/{source}/{hash}.json: fix the cause and queue it again.");
        var finding = await recorder.RecordAsync(
            Finding.Create(detection, account?.Platform ?? Actors.System, $"{source}/{hash}", account?.Location ?? Locations.District, account?.Id, now),
            cancellationToken, notify: source is not (QueueNames.Notify or QueueNames.SendEmail));
        logger.LogError("A {Queue} message for {Subject} was set aside after repeated failures: finding {FindingId}", source, subject, finding.Id);
    }

    /// <summary>
    /// Which account the message was about, and a short description of it (never the item's text). A body that does not
    /// read as its queue's message (bad JSON, a date or value the converters refuse) is "an unreadable body", district-wide:
    /// this handler never fails on a body, so the message never goes to a second poison queue.
    /// </summary>
    private async Task<(Account? Account, string Subject)> DescribeAsync(string source, string body, CancellationToken cancellationToken)
    {
        string? accountId;
        string subject;
        try
        {
            accountId = source switch
            {
                QueueNames.ScanAccount => ItemJson.Deserialize<ScanAccountMessage>(body).Account,
                QueueNames.EvaluateItem => ItemJson.Deserialize<EvaluateItemMessage>(body).Item?.Account,
                _ => null,
            };
            subject = source switch
            {
                QueueNames.EvaluateItem => $"item {ItemJson.Deserialize<EvaluateItemMessage>(body).Item?.Id ?? "(claim check)"}",
                QueueNames.Notify => $"finding {ItemJson.Deserialize<NotifyMessage>(body).FindingId}",
                QueueNames.SendEmail => $"email {ItemJson.Deserialize<Notifications.OutboxMessage>(body).EmailId}",
                _ => $"account {accountId}",
            };
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or NotSupportedException or ArgumentException or NullReferenceException)
        {
            return (null, "an unreadable body");
        }
        var account = accountId is null ? null : await registry.GetAccountAsync(accountId, cancellationToken);
        return (account, subject);
    }
}
