using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Rules;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Notifications;

/// <summary>
/// Immediate emails, bundled per person on the outbox. A person's first finding opens an outbox email held for
/// <c>Mail__BundleSeconds</c> (its send message invisible until then); findings routed to the same person before it is
/// claimed join it, and it goes as one email. Each routing is recorded first (table <c>Outbox</c>, PartitionKey
/// <c>for-{person}</c>, RowKey the finding id, the email it belongs to), so a repeated notify message finds its finding
/// already there and adds nothing; a finding whose email was claimed before it joined opens an email of its own. So at
/// least once delivery still sends each finding to each person once.
/// </summary>
public sealed class ImmediateBundler(
    StorageClients storage,
    Outbox outbox,
    FindingStore findings,
    EmailComposer composer,
    IOptions<MailOptions> options,
    ILogger<ImmediateBundler> logger)
{
    private const string OpenPartition = "open";

    /// <summary>However long the bundle, a critical finding goes within a minute of the bundle's first finding.</summary>
    public static readonly TimeSpan CriticalWithin = TimeSpan.FromSeconds(60);

    public async Task AddAsync(
        Person person, Finding finding, IReadOnlyDictionary<string, string> locationNames, Person? coordinator, CancellationToken cancellationToken)
    {
        var hold = TimeSpan.FromSeconds(options.Value.BundleSeconds);
        var table = await storage.TableAsync(TableNames.Outbox, cancellationToken);
        var personKey = Key(person.Email);
        var own = EmailIds.For(person.Email, EmailKinds.Immediate, [EmailIds.Occurrence(finding)]);
        var member = await MemberAsync(table, personKey, finding, hold > TimeSpan.Zero ? await OpenAsync(table, personKey, cancellationToken) ?? own : own, cancellationToken);
        while (true)
        {
            var emailId = member.GetString("EmailId");
            var row = await outbox.GetAsync(emailId, cancellationToken);
            if (row is null)
            {
                var email = composer.Immediate(person, [finding], locationNames, coordinator) with { Id = emailId };
                var wait = hold > CriticalWithin && finding.Severity == Severities.Critical ? CriticalWithin : hold;
                await outbox.EnqueueAsync(EmailKinds.Immediate, email, [finding], cancellationToken, wait);
                if (hold > TimeSpan.Zero)
                {
                    await table.UpsertEntityAsync(new TableEntity(OpenPartition, personKey) { ["EmailId"] = emailId }, TableUpdateMode.Replace, cancellationToken);
                }
                return;
            }
            if (row.FindingIds.Contains(finding.Id))
            {
                return; // A repeated message: it is in its email already.
            }
            if (row.State == OutboxStates.Pending && row.Attempts == 0)
            {
                var members = await MembersAsync(table, personKey, emailId, finding, cancellationToken);
                var email = composer.Immediate(person, members, locationNames, coordinator) with { Id = emailId };
                var within = members.Any(f => f.Severity == Severities.Critical) ? CriticalWithin : (TimeSpan?)null;
                if (await outbox.TryReplaceAsync(row, email, members, within, cancellationToken) is not null)
                {
                    logger.LogInformation("Finding {FindingId} joined email {EmailId} to {Person} ({Count} findings)", finding.Id, emailId, person.Name, members.Count);
                    return;
                }
                continue; // Claimed, or another finding joined first: look again.
            }
            // The email was claimed before this finding joined it: an email of its own.
            member["EmailId"] = own;
            await table.UpdateEntityAsync(member, ETag.All, TableUpdateMode.Replace, cancellationToken);
        }
    }

    /// <summary>
    /// The routing record of this occurrence of the finding for this person (a reopened finding is a new occurrence, and
    /// routed again): written once, so a repeated message keeps its email.
    /// </summary>
    private static async Task<TableEntity> MemberAsync(TableClient table, string person, Finding finding, string emailId, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(MemberPartition(person), TableKeys.Escape(EmailIds.Occurrence(finding)))
        {
            ["EmailId"] = emailId, ["Location"] = finding.Location, ["FindingId"] = finding.Id,
        };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return entity;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return (await table.GetEntityAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken)).Value;
        }
    }

    /// <summary>The person's bundle still open to findings: pending and never attempted.</summary>
    private async Task<string?> OpenAsync(TableClient table, string person, CancellationToken cancellationToken)
    {
        var pointer = await table.GetEntityIfExistsAsync<TableEntity>(OpenPartition, person, cancellationToken: cancellationToken);
        if (!pointer.HasValue || pointer.Value!.GetString("EmailId") is not { } id)
        {
            return null;
        }
        return await outbox.GetAsync(id, cancellationToken) is { State: OutboxStates.Pending, Attempts: 0 } ? id : null;
    }

    /// <summary>Every finding routed to this email (the new one included), as stored now.</summary>
    private async Task<IReadOnlyList<Finding>> MembersAsync(TableClient table, string person, string emailId, Finding joining, CancellationToken cancellationToken)
    {
        var result = new List<Finding> { joining };
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {MemberPartition(person)} and EmailId eq {emailId}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            // Rows written before reopenings were routed again have no FindingId: their key is the finding's id.
            var id = row.GetString("FindingId") ?? row.RowKey;
            if (id != joining.Id && await findings.GetAsync(row.GetString("Location"), id, cancellationToken) is { } member)
            {
                result.Add(member);
            }
        }
        return result;
    }

    private static string MemberPartition(string person) => "for-" + person;

    private static string Key(string email) => TableKeys.Escape(email.Trim().ToLowerInvariant());
}
