using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Notifications;

/// <summary>
/// The outbox: table <c>Outbox</c> (PartitionKey <c>email</c>, RowKey the email's deterministic id), the rendered email
/// archived in <c>mail-archive</c> before it is first sent, and a <c>send-email</c> message per attempt. Adding an email
/// that is already there adds nothing (same id), so a repeated notify message or timer run sends one email.
/// </summary>
public sealed class Outbox(StorageClients storage, IOptions<MailOptions> options, TimeProvider time, ILogger<Outbox> logger)
{
    public const string Partition = "email";

    /// <summary>
    /// Archives and records <paramref name="email"/> as pending, then queues its send. Run again (a retry after a crash
    /// anywhere in here), it finds the row and only queues the send again if the row is still pending: the processor
    /// sends a row once however many messages name it.
    /// </summary>
    /// <param name="hold">How long the email waits before it is sent (an immediate bundle's window); zero sends it at once.</param>
    public async Task<OutboxEmail> EnqueueAsync(
        string kind, Notification email, IReadOnlyList<Finding> findings, CancellationToken cancellationToken, TimeSpan hold = default)
    {
        var row = await GetAsync(email.Id, cancellationToken);
        if (row is null)
        {
            row = new OutboxEmail
            {
                Id = email.Id,
                Kind = kind,
                To = email.To[0].Email,
                ToName = email.To[0].Name,
                FindingIds = [.. findings.Select(f => f.Id)],
                Locations = [.. findings.Select(f => f.Location).Distinct(StringComparer.Ordinal)],
                Rules = [.. findings.Select(f => f.Rule).Distinct(StringComparer.Ordinal)],
                Subject = email.Subject,
                Archive = ArchiveName(email, ""),
                CreatedAt = time.GetUtcNow(),
                NextAttemptAt = hold > TimeSpan.Zero ? time.GetUtcNow() + hold : null,
            };
            var archive = await storage.ContainerAsync(ContainerNames.MailArchive, cancellationToken);
            await archive.GetBlobClient(row.Archive).UploadAsync(
                BinaryData.FromBytes(await MimeEmail.ToBytesAsync(email, options.Value.From, cancellationToken)), overwrite: true, cancellationToken);
            try
            {
                var table = await storage.TableAsync(TableNames.Outbox, cancellationToken);
                await table.AddEntityAsync(OutboxRow.From(row), cancellationToken);
                logger.LogInformation("Queued {Kind} email {EmailId} about {Count} findings", kind, email.Id, row.FindingIds.Count);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                row = await GetAsync(email.Id, cancellationToken) ?? row; // Another delivery added it first.
            }
        }
        if (row.State == OutboxStates.Pending)
        {
            await QueueSendAsync(row.Id, row.NextAttemptAt is { } next ? next - time.GetUtcNow() : TimeSpan.Zero, cancellationToken);
        }
        return row;
    }

    /// <summary>
    /// Replaces a pending, never attempted email with <paramref name="email"/> about <paramref name="findings"/> (a
    /// finding joining a bundle), if the row is unchanged since it was read: the new archive is written first under a
    /// name of its own, so a send that claimed the row before sends the old archive whole. Returns the updated row, or
    /// null when the row changed first (claimed, or another finding joined).
    /// </summary>
    public async Task<OutboxEmail?> TryReplaceAsync(OutboxEmail row, Notification email, IReadOnlyList<Finding> findings, TimeSpan? sendWithin, CancellationToken cancellationToken)
    {
        if (row.State != OutboxStates.Pending || row.Attempts > 0)
        {
            return null;
        }
        var archive = await storage.ContainerAsync(ContainerNames.MailArchive, cancellationToken);
        var name = ArchiveName(email, "-" + EmailIds.For(email.To[0].Email, "v", findings.Select(f => f.Id))[2..14]);
        await archive.GetBlobClient(name).UploadAsync(
            BinaryData.FromBytes(await MimeEmail.ToBytesAsync(email, options.Value.From, cancellationToken)), overwrite: true, cancellationToken);
        var now = time.GetUtcNow();
        var next = sendWithin is { } within && (row.NextAttemptAt ?? now) > row.CreatedAt + within ? row.CreatedAt + within : row.NextAttemptAt;
        var updated = row with
        {
            FindingIds = [.. findings.Select(f => f.Id)],
            Locations = [.. findings.Select(f => f.Location).Distinct(StringComparer.Ordinal)],
            Rules = [.. findings.Select(f => f.Rule).Distinct(StringComparer.Ordinal)],
            Subject = email.Subject,
            Archive = name,
            NextAttemptAt = next,
        };
        if (await TryUpdateAsync(updated, cancellationToken) is not { } etag)
        {
            return null;
        }
        if (next != row.NextAttemptAt && next is { } sooner)
        {
            await QueueSendAsync(row.Id, sooner - now, cancellationToken); // A critical finding shortens the wait.
        }
        return updated with { ETag = etag };
    }

    /// <summary>
    /// Queues a send message for every pending email that is due (its wait or back-off over) and every email left in
    /// sending: the safety net for a lost message (the processor sends each row once, so an extra message costs
    /// nothing). Returns how many were queued.
    /// </summary>
    public async Task<int> QueueDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var queued = 0;
        foreach (var email in await ListUnsentAsync(cancellationToken))
        {
            if (email.State == OutboxStates.Pending && (email.NextAttemptAt ?? email.CreatedAt) <= now || email.State == OutboxStates.Sending)
            {
                await QueueSendAsync(email.Id, TimeSpan.Zero, cancellationToken);
                queued++;
            }
        }
        return queued;
    }

    /// <summary>
    /// When the last immediate email still held for its bundle window (pending, never attempted, its send not yet due)
    /// becomes due, or null when none is held: what a run that ends (<c>work</c>) waits for, so that it sends its own
    /// bundles instead of leaving them pending. An email in back-off after a failed send is not held.
    /// </summary>
    public async Task<DateTimeOffset?> HeldUntilAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return (await ListUnsentAsync(cancellationToken))
            .Where(e => e.Kind == EmailKinds.Immediate && e.State == OutboxStates.Pending && e.Attempts == 0 && e.NextAttemptAt > now)
            .Max(e => e.NextAttemptAt);
    }

    public async Task<OutboxEmail?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Outbox, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<OutboxRow>(Partition, TableKeys.Escape(id), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.ToEmail() : null;
    }

    /// <summary>Replaces the row if it is unchanged since it was read; returns the new ETag, or null when another worker changed it first.</summary>
    public async Task<ETag?> TryUpdateAsync(OutboxEmail email, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Outbox, cancellationToken);
        try
        {
            return (await table.UpdateEntityAsync(OutboxRow.From(email), email.ETag, TableUpdateMode.Replace, cancellationToken)).Headers.ETag;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return null;
        }
    }

    /// <summary>
    /// Sends a failed (or sent) email again with a fresh set of attempts, for <c>notify resend</c> once the cause is
    /// fixed. Returns false when there is no such email.
    /// </summary>
    public async Task<bool> ResendAsync(string id, CancellationToken cancellationToken)
    {
        while (await GetAsync(id, cancellationToken) is { } email)
        {
            if (await TryUpdateAsync(email with { State = OutboxStates.Pending, Attempts = 0, NextAttemptAt = null, SendingSince = null }, cancellationToken) is not null)
            {
                await QueueSendAsync(id, TimeSpan.Zero, cancellationToken);
                return true;
            }
        }
        return false;
    }

    /// <summary>Every email in the outbox, whatever its state: what the retention run looks through.</summary>
    public async IAsyncEnumerable<OutboxEmail> ListAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Outbox, cancellationToken);
        await foreach (var row in table.QueryAsync<OutboxRow>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken))
        {
            yield return row.ToEmail();
        }
    }

    /// <summary>Removes an email's row (retention, after its archives, <see cref="ArchivePrefix"/>); a row already gone is no error.</summary>
    public async Task RemoveAsync(OutboxEmail email, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Outbox, cancellationToken);
        await table.DeleteEntityAsync(Partition, TableKeys.Escape(email.Id), ETag.All, cancellationToken);
    }

    /// <summary>The start of the names of every archive of the email in <c>mail-archive</c> (a bundle's earlier versions too).</summary>
    public static string ArchivePrefix(OutboxEmail email) => email.Archive[..(email.Archive.LastIndexOf('/') + 1)] + email.Id;

    /// <summary>Emails not yet sent or given up on: pending or sending.</summary>
    public async Task<IReadOnlyList<OutboxEmail>> ListUnsentAsync(CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Outbox, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and (State eq {OutboxStates.Pending} or State eq {OutboxStates.Sending})");
        var rows = new List<OutboxEmail>();
        await foreach (var row in table.QueryAsync<OutboxRow>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(row.ToEmail());
        }
        return rows;
    }

    /// <summary>Every email that was sent, as the table pages them (a records export picks those about its findings).</summary>
    public async IAsyncEnumerable<OutboxEmail> ReadSentAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Outbox, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and State eq {OutboxStates.Sent}");
        await foreach (var row in table.QueryAsync<OutboxRow>(filter, cancellationToken: cancellationToken))
        {
            yield return row.ToEmail();
        }
    }

    /// <summary>The email's archived bytes (the .eml that was sent), as a stream read from the network as it is consumed.</summary>
    public async Task<Stream> OpenArchiveAsync(OutboxEmail email, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(email);
        var archive = await storage.ContainerAsync(ContainerNames.MailArchive, cancellationToken);
        return (await archive.GetBlobClient(email.Archive).DownloadStreamingAsync(cancellationToken: cancellationToken)).Value.Content;
    }

    /// <summary>The email as archived when it was queued.</summary>
    public async Task<Notification> ReadArchiveAsync(OutboxEmail email, CancellationToken cancellationToken)
    {
        var archive = await storage.ContainerAsync(ContainerNames.MailArchive, cancellationToken);
        var content = await archive.GetBlobClient(email.Archive).DownloadContentAsync(cancellationToken);
        using var stream = content.Value.Content.ToStream();
        return await MimeEmail.ParseAsync(stream, cancellationToken);
    }

    /// <summary>Queues one send attempt, visible after <paramref name="delay"/> (the queue holds it; at most 7 days).</summary>
    public async Task QueueSendAsync(string id, TimeSpan delay, CancellationToken cancellationToken)
    {
        var queue = await storage.QueueAsync(QueueNames.SendEmail, cancellationToken);
        await queue.SendMessageAsync(ItemJson.Serialize(new OutboxMessage(id)), delay > TimeSpan.Zero ? delay : null, cancellationToken: cancellationToken);
    }

    /// <summary>The archive of one version of an email: its date and id, and for a bundle that grew a hash of its findings.</summary>
    private static string ArchiveName(Notification email, string version) => $"{email.Date.UtcDateTime:yyyy'/'MM'/'dd}/{email.Id}{version}.eml";
}
