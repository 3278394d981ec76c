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
    public async Task<OutboxEmail> EnqueueAsync(string kind, Notification email, IReadOnlyList<Finding> findings, CancellationToken cancellationToken)
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
                Archive = $"{email.Date.UtcDateTime:yyyy'/'MM'/'dd}/{email.Id}.eml",
                CreatedAt = time.GetUtcNow(),
            };
            var archive = await storage.ContainerAsync(ContainerNames.MailArchive, cancellationToken);
            await archive.GetBlobClient(row.Archive).UploadAsync(
                BinaryData.FromBytes(await MimeEmail.ToBytesAsync(email, options.Value.From, cancellationToken)), overwrite: true, cancellationToken);
            try
            {
                var table = await storage.TableAsync(TableNames.Outbox, cancellationToken);
                await table.AddEntityAsync(ToEntity(row), cancellationToken);
                logger.LogInformation("Queued {Kind} email {EmailId} about {Count} findings", kind, email.Id, row.FindingIds.Count);
            }
            catch (RequestFailedException e) when (e.Status == 409)
            {
                row = await GetAsync(email.Id, cancellationToken) ?? row; // Another delivery added it first.
            }
        }
        if (row.State == OutboxStates.Pending)
        {
            await QueueSendAsync(row.Id, TimeSpan.Zero, cancellationToken);
        }
        return row;
    }

    public async Task<OutboxEmail?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Outbox, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, TableKeys.Escape(id), cancellationToken: cancellationToken);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    /// <summary>Replaces the row if it is unchanged since it was read; returns the new ETag, or null when another worker changed it first.</summary>
    public async Task<ETag?> TryUpdateAsync(OutboxEmail email, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Outbox, cancellationToken);
        try
        {
            return (await table.UpdateEntityAsync(ToEntity(email), email.ETag, TableUpdateMode.Replace, cancellationToken)).Headers.ETag;
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

    /// <summary>Emails not yet sent or given up on: pending or sending.</summary>
    public async Task<IReadOnlyList<OutboxEmail>> ListUnsentAsync(CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.Outbox, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and (State eq {OutboxStates.Pending} or State eq {OutboxStates.Sending})");
        var rows = new List<OutboxEmail>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(FromEntity(row));
        }
        return rows;
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

    private static TableEntity ToEntity(OutboxEmail email) => new(Partition, TableKeys.Escape(email.Id))
    {
        ["Id"] = email.Id,
        ["Kind"] = email.Kind,
        ["To"] = email.To,
        ["ToName"] = email.ToName,
        ["FindingIds"] = string.Join(',', email.FindingIds),
        ["Locations"] = string.Join(',', email.Locations),
        ["Rules"] = string.Join(',', email.Rules),
        ["Subject"] = email.Subject,
        ["Archive"] = email.Archive,
        ["CreatedAt"] = email.CreatedAt,
        ["State"] = email.State,
        ["Attempts"] = email.Attempts,
        ["NextAttemptAt"] = email.NextAttemptAt,
        ["SendingSince"] = email.SendingSince,
        ["SentAt"] = email.SentAt,
        ["PossibleDuplicate"] = email.PossibleDuplicate,
        ["LastError"] = email.LastError,
    };

    private static OutboxEmail FromEntity(TableEntity row) => new()
    {
        Id = row.GetString("Id"),
        Kind = row.GetString("Kind"),
        To = row.GetString("To"),
        ToName = row.GetString("ToName"),
        FindingIds = Split(row.GetString("FindingIds")),
        Locations = Split(row.GetString("Locations")),
        Rules = Split(row.GetString("Rules")),
        Subject = row.GetString("Subject"),
        Archive = row.GetString("Archive"),
        CreatedAt = row.GetDateTimeOffset("CreatedAt") ?? default,
        State = row.GetString("State"),
        Attempts = row.GetInt32("Attempts") ?? 0,
        NextAttemptAt = row.GetDateTimeOffset("NextAttemptAt"),
        SendingSince = row.GetDateTimeOffset("SendingSince"),
        SentAt = row.GetDateTimeOffset("SentAt"),
        PossibleDuplicate = row.GetBoolean("PossibleDuplicate") ?? false,
        LastError = row.GetString("LastError"),
        ETag = row.ETag,
    };

    private static string[] Split(string? value) => string.IsNullOrEmpty(value) ? [] : value.Split(',');
}
