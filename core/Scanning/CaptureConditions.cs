using Microsoft.Extensions.Logging;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Rules;

namespace SocialMonitor.Core.Scanning;

/// <summary>
/// Raises and clears <see cref="CaptureCondition"/>s. Raising merges into the account's one finding for the condition
/// (the first raise queues its email to the coordinator; a resolved one is reopened); clearing resolves it through
/// <see cref="FindingLifecycle.ResolveBySystemAsync"/> with an audit entry. Both are safe to repeat.
/// </summary>
public sealed class CaptureConditions(FindingRecorder recorder, FindingLifecycle lifecycle, TimeProvider time, ILogger<CaptureConditions> logger)
{
    public static string FindingId(Account account, CaptureCondition condition) =>
        FindingIds.For(account.Platform, account.Id, condition.Rule, condition.Key);

    public async Task RaiseAsync(Account account, CaptureCondition condition, string evidence, string explanation, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var detection = new Detection(condition.Rule, condition.Severity, CaptureCondition.StaffUse2, evidence, condition.Key, explanation);
        var finding = await recorder.RecordAsync(
            Finding.Create(detection, account.Platform, account.Id, account.Location, account.Id, now), cancellationToken);
        if (finding.Status == FindingStatuses.Resolved)
        {
            if (await lifecycle.ReopenBySystemAsync(account.Location, finding.Id, $"{condition.Rule} again: {evidence}", cancellationToken) is { } reopened)
            {
                await recorder.QueueNotifyAsync(reopened, cancellationToken);
            }
        }
        logger.LogWarning("{Rule} for account {Account}: {Evidence}", condition.Rule, account.Id, evidence);
    }

    public Task TokenInvalidAsync(Account account, string evidence, CancellationToken cancellationToken) =>
        RaiseAsync(account, CaptureCondition.TokenInvalid, evidence,
            $"The {account.Platform} token '{account.Token}' of {account.Id} no longer works, so the account is not being monitored. A manager of the "
            + "page creates a new token and the IT person stores it under the same name (see the README, Getting access).", cancellationToken);

    public async Task ClearAsync(Account account, CaptureCondition condition, string why, CancellationToken cancellationToken)
    {
        var before = await lifecycle.ResolveBySystemAsync(account.Location, FindingId(account, condition), why, cancellationToken);
        if (before is { Status: FindingStatuses.Resolved })
        {
            logger.LogInformation("{Rule} for account {Account} cleared: {Why}", condition.Rule, account.Id, why);
        }
    }
}
