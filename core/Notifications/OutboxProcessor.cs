using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Audit;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Rules;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Notifications;

/// <summary>
/// <c>send-email</c>: sends one outbox row, pending → sending → sent. It owns the retries: a failed send goes back to
/// pending with a growing delay (the message is queued again, invisible until then), and after the last try, or at
/// once for a failure that waiting cannot heal, the row is failed and a <c>capture.mail-failed</c> finding says why.
/// A row found in sending past <c>Mail__SendingTimeoutMinutes</c> (a crash between the send and its record) is sent
/// again marked as a possible duplicate: a duplicate is better than a lost alert.
/// </summary>
public sealed class OutboxProcessor(
    Outbox outbox,
    INotificationSender sender,
    FindingRecorder recorder,
    AccountRegistry registry,
    IOptions<MailOptions> options,
    TimeProvider time,
    ILogger<OutboxProcessor> logger)
{
    public const string MailFailedRule = "capture.mail-failed";

    /// <summary>The waits after the 1st to 5th failed attempts; the 6th failure is the last.</summary>
    public static readonly IReadOnlyList<TimeSpan> Backoff =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(4)];

    public static int MaxAttempts => Backoff.Count + 1;

    public async Task ProcessAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (await ClaimAsync(message, cancellationToken) is not { } claim)
        {
            return;
        }
        var (claimed, notification) = claim;
        try
        {
            await sender.SendAsync(claimed.PossibleDuplicate ? EmailComposer.AsPossibleDuplicate(notification) : notification, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await FailAsync(claimed, e, cancellationToken);
            return;
        }
        // A crash here leaves the row in sending: after the timeout it is sent again, marked as a possible duplicate.
        await outbox.TryUpdateAsync(claimed with { State = OutboxStates.Sent, SentAt = time.GetUtcNow(), LastError = null }, cancellationToken);
        logger.LogInformation("Sent {Kind} email {EmailId} (attempt {Attempt})", claimed.Kind, claimed.Id, claimed.Attempts);
    }

    /// <summary>
    /// Claims the row for this delivery (pending → sending), with the archive that belongs to the claimed version; null
    /// when there is nothing to send now. A row changed since it was read (a finding joined its bundle) is read again.
    /// </summary>
    private async Task<(OutboxEmail Claimed, Notification Email)?> ClaimAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        while (true)
        {
            var email = await outbox.GetAsync(message.EmailId, cancellationToken);
            if (email is null)
            {
                logger.LogWarning("No outbox row {EmailId}: nothing to send", message.EmailId);
                return null;
            }
            var now = time.GetUtcNow();
            var timeout = TimeSpan.FromMinutes(options.Value.SendingTimeoutMinutes);
            var duplicate = false;
            switch (email.State)
            {
                case OutboxStates.Sent or OutboxStates.Failed:
                    return null;
                case OutboxStates.Sending when email.SendingSince is { } since && now - since < timeout:
                    // Another delivery is sending it, or crashed while sending: look again once the timeout has passed.
                    await outbox.QueueSendAsync(email.Id, since + timeout - now + TimeSpan.FromSeconds(1), cancellationToken);
                    return null;
                case OutboxStates.Sending:
                    duplicate = true;
                    logger.LogWarning("Email {EmailId} was left in sending since {Since}: sending it again as a possible duplicate", email.Id, email.SendingSince);
                    break;
                case OutboxStates.Pending when email.NextAttemptAt is { } next && next > now:
                    await outbox.QueueSendAsync(email.Id, next - now, cancellationToken);
                    return null;
            }

            // Read before claiming: an archive that cannot be read fails this message (the queue retries it, then a
            // capture finding), and leaves the row as it was.
            var notification = await outbox.ReadArchiveAsync(email, cancellationToken);
            var claimed = email with
            {
                State = OutboxStates.Sending,
                SendingSince = now,
                Attempts = email.Attempts + 1,
                PossibleDuplicate = email.PossibleDuplicate || duplicate,
            };
            if (await outbox.TryUpdateAsync(claimed, cancellationToken) is not { } etag)
            {
                // Changed since it was read: another delivery claimed it (and sends it), or a finding joined the bundle.
                if (await outbox.GetAsync(email.Id, cancellationToken) is { State: OutboxStates.Pending })
                {
                    continue;
                }
                return null;
            }
            return (claimed with { ETag = etag }, notification);
        }
    }


    private async Task FailAsync(OutboxEmail email, Exception error, CancellationToken cancellationToken)
    {
        var message = UrlScrubber.Scrub(error.Message);
        message = message.Length > 2000 ? message[..2000] : message;
        var permanent = error is MailDeliveryException { Permanent: true };
        if (!permanent && email.Attempts < MaxAttempts)
        {
            var wait = Backoff[email.Attempts - 1];
            // Graph may have accepted it (a timeout, a 5xx): the next attempt is marked as a possible duplicate.
            var possibleDuplicate = email.PossibleDuplicate || error is MailDeliveryException { MayHaveBeenSent: true };
            if (await outbox.TryUpdateAsync(email with
                {
                    State = OutboxStates.Pending, NextAttemptAt = time.GetUtcNow() + wait, LastError = message, PossibleDuplicate = possibleDuplicate,
                }, cancellationToken) is not null)
            {
                // A crash before this message is queued leaves a pending row that the hourly job queues again.
                await outbox.QueueSendAsync(email.Id, wait, cancellationToken);
            }
            logger.LogWarning("Attempt {Attempt} to send email {EmailId} failed, next in {Wait}: {Error}", email.Attempts, email.Id, wait, message);
            return;
        }

        // Read before the row is marked failed: a storage error here leaves it in sending, so it is looked at again later.
        var location = await FailureLocationAsync(email, cancellationToken);
        await outbox.TryUpdateAsync(email with { State = OutboxStates.Failed, LastError = message }, cancellationToken);
        var now = time.GetUtcNow();
        var itemId = $"outbox/{email.Id}";
        var tries = permanent ? $"was refused on attempt {email.Attempts}" : $"failed {email.Attempts} times";
        // An email about a mail failure that fails again raises its finding without queueing more mail.
        var detection = new Detection(MailFailedRule, Severities.High, Clauses.RegularMonitoring,
            $"The {email.Kind} email {email.Id} to {email.ToName} {tries}: {message}", email.Id,
            $"An email about {email.FindingIds.Count} findings was not delivered. It is kept in {ContainerNames.MailArchive}/{email.Archive}; "
                + $"fix the cause, then send it again with 'socialmonitor notify resend {email.Id}'.");
        await recorder.RecordAsync(Finding.Create(detection, Actors.System, itemId, location, null, now), cancellationToken,
            notify: !email.Rules.Contains(MailFailedRule));
        logger.LogError("Gave up on email {EmailId} after {Attempts} attempts: {Error}", email.Id, email.Attempts, message);
    }

    /// <summary>
    /// Where the failure is filed: district-wide (the coordinator's only) when the email went to the coordinator or names
    /// no location, so that no location's manager reads of mail that was never theirs; else under the email's first
    /// location, which its recipient manages.
    /// </summary>
    private async Task<string> FailureLocationAsync(OutboxEmail email, CancellationToken cancellationToken)
    {
        if (email.Locations.Count == 0)
        {
            return Locations.District;
        }
        var coordinator = await registry.GetCoordinatorAsync(cancellationToken);
        return string.Equals(coordinator?.Email, email.To, StringComparison.OrdinalIgnoreCase) ? Locations.District : email.Locations[0];
    }
}
