using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Audit;
using SocialMonitor.Core.ContentSafety;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Notifications;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Scanning;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Records;

/// <summary>
/// Removes the records past their period in <c>policy.json</c> <c>retention</c> (none set: nothing, ever), series by
/// series, and writes what it removed into the audit log (subject <c>retention</c>, action <c>removed</c>: counts and
/// ids, in chunks). It never touches a record an active legal hold covers. A blob storage refuses to delete (409 or
/// 403: an immutability period not yet over) keeps its whole record, is logged and counted as refused, never as
/// removed, and is tried again on the next run. Each record's blobs go first and its rows last, so a run cut off
/// midway leaves a record whole or findable, and the next run removes the rest. The age of each series is in
/// docs/architecture.md ("Records: retention and legal holds").
/// </summary>
public sealed class RetentionJob(
    Policy policy,
    StorageClients storage,
    AccountRegistry registry,
    ItemIndex index,
    ItemHistory history,
    FindingStore findings,
    Outbox outbox,
    AuditLog audit,
    LegalHoldService holds,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<RetentionJob> logger)
{
    public const string Subject = "retention";
    public const string Removed = "removed";
    public const string Items = "items";
    public const string RawAnswers = "rawAnswers";
    public const string Emails = "emails";
    public const string Findings = "findings";
    public const string Audit = "audit";

    /// <summary>Characters of ids in one audit entry (a table property holds 32K characters).</summary>
    private const int ChunkCharacters = 20_000;

    /// <summary>The hourly timer's call: runs retention when the district's local hour is <c>Retention__Hour</c>, else nothing (null).</summary>
    public async Task<RetentionReport?> RunIfDueAsync(CancellationToken cancellationToken)
    {
        var local = TimeZoneInfo.ConvertTime(time.GetUtcNow(), policy.Zone);
        return local.Hour == options.Value.Hour ? await RunAsync(dryRun: false, cancellationToken) : null;
    }

    /// <summary>One run over every series with a period; a dry run removes nothing and writes no audit entry, and reports what it would remove.</summary>
    public async Task<RetentionReport> RunAsync(bool dryRun, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var periods = policy.Retention;
        if (!periods.Any)
        {
            logger.LogInformation("Retention is off: policy.json sets no retention period, so every record is kept");
            return new RetentionReport(now, dryRun, []);
        }
        var run = new Run(await holds.ActiveAsync(cancellationToken),
            (await registry.ListAccountsAsync(cancellationToken)).ToDictionary(a => a.Id, a => a.Location, StringComparer.Ordinal), dryRun);
        var series = new List<RetentionSeries>();
        RetentionSeries Start(string name, int days) => new(name, days, now.AddDays(-days));
        if (periods.Items is { } items)
        {
            series.Add(await ItemsAsync(Start(Items, items), run, cancellationToken));
        }
        if (periods.RawAnswers is { } raw)
        {
            series.Add(await RawAnswersAsync(Start(RawAnswers, raw), run, cancellationToken));
        }
        if (periods.Emails is { } emails)
        {
            series.Add(await EmailsAsync(Start(Emails, emails), run, cancellationToken));
        }
        if (periods.Findings is { } closed)
        {
            series.Add(await FindingsAsync(Start(Findings, closed), run, cancellationToken));
        }
        if (periods.Audit is { } entries)
        {
            series.Add(await AuditAsync(Start(Audit, entries), run, cancellationToken));
        }
        foreach (var done in series)
        {
            logger.LogInformation(
                "Retention {Mode} {Series} (older than {Days} days): {Removed} removed, {Held} kept by legal holds, {Refused} refused by storage, {InUse} still in use",
                dryRun ? "dry run of" : "of", done.Name, done.Days, done.Removed.Count, done.Held, done.Refused, done.InUse);
            if (!dryRun)
            {
                await WriteAuditAsync(done, cancellationToken);
            }
        }
        return new RetentionReport(now, dryRun, series);
    }

    /// <summary>Items by their last recorded change (newest version or event); kept while a finding about them is not closed.</summary>
    private async Task<RetentionSeries> ItemsAsync(RetentionSeries series, Run run, CancellationToken cancellationToken)
    {
        var archive = await storage.ContainerAsync(ContainerNames.Archive, cancellationToken);
        await foreach (var item in index.ListAllAsync(cancellationToken))
        {
            var changed = item.ChangedAt == default ? item.FirstSeen : item.ChangedAt;
            if (changed >= series.Cutoff)
            {
                continue;
            }
            if (run.Held(new RecordScope(run.LocationOf(item.Account), item.Account, item.CreatedAt ?? item.FirstSeen, changed), policy.Zone))
            {
                series.Held++;
                continue;
            }
            if (await HasActiveFindingAsync(item, cancellationToken))
            {
                series.InUse++;
                continue;
            }
            var id = $"{item.Platform}:{item.ItemId}";
            if (run.DryRun)
            {
                series.Removed.Add(id);
                continue;
            }
            if (!await TryDeleteAsync(archive, ItemHistory.Folder(item.Platform, item.ItemId), id, cancellationToken)
                || !await TryDeleteAsync(archive, ItemClassifier.Folder(item.Platform, item.ItemId), id, cancellationToken))
            {
                series.Refused++;
                continue;
            }
            await history.RemoveAsync(item.Platform, item.ItemId, cancellationToken);
            await index.RemoveAsync(item, cancellationToken);
            series.Removed.Add(id);
        }
        return series;
    }

    /// <summary>
    /// Raw answers (<c>pages/</c>) created before the cutoff that no log line on or after the cutoff names (the same
    /// answer may come back later: it is kept while it does), and the daily logs of days wholly before the cutoff.
    /// </summary>
    private async Task<RetentionSeries> RawAnswersAsync(RetentionSeries series, Run run, CancellationToken cancellationToken)
    {
        var archive = await storage.ContainerAsync(ContainerNames.Archive, cancellationToken);
        var cutoffDay = DateOnly.FromDateTime(series.Cutoff.UtcDateTime);
        var seenSince = new HashSet<string>(StringComparer.Ordinal);
        var oldLogs = new List<(string Name, string Account, DateOnly Day)>();
        await foreach (var blob in archive.GetBlobsAsync(new GetBlobsOptions { Prefix = "log/" }, cancellationToken))
        {
            if (blob.Name.Split('/') is not [_, var platform, var account, var file]
                || !DateOnly.TryParseExact(Path.GetFileNameWithoutExtension(file), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                continue;
            }
            if (day >= cutoffDay)
            {
                await foreach (var sha in ShasSinceAsync(archive, blob.Name, series.Cutoff, cancellationToken))
                {
                    seenSince.Add($"{platform}/{account}/{sha}");
                }
            }
            else if (day.AddDays(1) <= cutoffDay)
            {
                oldLogs.Add((blob.Name, account, day));
            }
        }
        await foreach (var blob in archive.GetBlobsAsync(new GetBlobsOptions { Prefix = "pages/" }, cancellationToken))
        {
            if (blob.Name.Split('/') is not [_, var platform, var account, var file] || blob.Properties.CreatedOn is not { } created || created >= series.Cutoff)
            {
                continue;
            }
            if (seenSince.Contains($"{platform}/{account}/{Path.GetFileNameWithoutExtension(file)}"))
            {
                series.InUse++;
                continue;
            }
            await RemoveBlobAsync(archive, blob.Name, new RecordScope(run.LocationOf(account), account, created, created), series, run, cancellationToken);
        }
        foreach (var (name, account, day) in oldLogs)
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            await RemoveBlobAsync(archive, name, new RecordScope(run.LocationOf(account), account, start, start.AddDays(1)), series, run, cancellationToken);
        }
        return series;
    }

    /// <summary>Sent or failed emails by when they were sent (else first queued); the row and every archive of it.</summary>
    private async Task<RetentionSeries> EmailsAsync(RetentionSeries series, Run run, CancellationToken cancellationToken)
    {
        var archive = await storage.ContainerAsync(ContainerNames.MailArchive, cancellationToken);
        await foreach (var email in outbox.ListAllAsync(cancellationToken))
        {
            var at = email.SentAt ?? email.CreatedAt;
            if (at >= series.Cutoff)
            {
                continue;
            }
            if (email.State is not (OutboxStates.Sent or OutboxStates.Failed))
            {
                series.InUse++;
                continue;
            }
            IEnumerable<string?> locations = email.Locations.Count == 0 ? [null] : email.Locations.Select(l => (string?)l);
            if (locations.Any(l => run.Held(new RecordScope(l, null, email.CreatedAt, at), policy.Zone)))
            {
                series.Held++;
                continue;
            }
            if (run.DryRun)
            {
                series.Removed.Add(email.Id);
                continue;
            }
            if (!await TryDeleteAsync(archive, Outbox.ArchivePrefix(email), email.Id, cancellationToken))
            {
                series.Refused++;
                continue;
            }
            await outbox.RemoveAsync(email, cancellationToken);
            series.Removed.Add(email.Id);
        }
        return series;
    }

    /// <summary>Resolved and dismissed findings by their last change; an open, acknowledged or escalated one is never removed.</summary>
    private async Task<RetentionSeries> FindingsAsync(RetentionSeries series, Run run, CancellationToken cancellationToken)
    {
        await foreach (var finding in findings.ListAllAsync(cancellationToken))
        {
            var changed = finding.StatusChangedAt is { } status && status > finding.LastSeen ? status : finding.LastSeen;
            if (changed >= series.Cutoff)
            {
                continue;
            }
            if (finding.Status is not (FindingStatuses.Resolved or FindingStatuses.Dismissed))
            {
                series.InUse++;
                continue;
            }
            if (run.Held(new RecordScope(finding.Location, finding.Account, finding.FirstSeen, changed), policy.Zone))
            {
                series.Held++;
                continue;
            }
            if (run.DryRun || await findings.RemoveAsync(finding, cancellationToken))
            {
                series.Removed.Add(finding.Id);
            }
        }
        return series;
    }

    /// <summary>Audit entries by when they were written.</summary>
    private async Task<RetentionSeries> AuditAsync(RetentionSeries series, Run run, CancellationToken cancellationToken)
    {
        var past = new List<AuditEntry>();
        await foreach (var entry in audit.ListBeforeAsync(series.Cutoff, cancellationToken))
        {
            past.Add(entry);
        }
        foreach (var entry in past)
        {
            var account = entry.Subject == "account" ? entry.SubjectId : null;
            if (run.Held(new RecordScope(entry.Location, account, entry.At, entry.At), policy.Zone))
            {
                series.Held++;
                continue;
            }
            if (!run.DryRun)
            {
                await audit.RemoveAsync(entry, cancellationToken);
            }
            series.Removed.Add(entry.Id);
        }
        return series;
    }

    private async Task<bool> HasActiveFindingAsync(IndexedItem item, CancellationToken cancellationToken)
    {
        foreach (var (location, id) in await findings.ByItemAsync(item.Platform, item.ItemId, cancellationToken))
        {
            if (await findings.GetAsync(location, id, cancellationToken) is { Status: not (FindingStatuses.Resolved or FindingStatuses.Dismissed) })
            {
                return true;
            }
        }
        return false;
    }

    private async Task RemoveBlobAsync(BlobContainerClient container, string name, RecordScope scope, RetentionSeries series, Run run, CancellationToken cancellationToken)
    {
        if (run.Held(scope, policy.Zone))
        {
            series.Held++;
        }
        else if (run.DryRun || await TryDeleteAsync(container, name, name, cancellationToken))
        {
            series.Removed.Add(name);
        }
        else
        {
            series.Refused++;
        }
    }

    /// <summary>
    /// Deletes every blob whose name starts with <paramref name="prefix"/>; false, logged, when storage refuses one (409
    /// or 403: under an immutability period): the record is kept whole and the next run tries again.
    /// </summary>
    private async Task<bool> TryDeleteAsync(BlobContainerClient container, string prefix, string record, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
        {
            names.Add(blob.Name);
        }
        foreach (var name in names)
        {
            try
            {
                await container.DeleteBlobIfExistsAsync(name, DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 403)
            {
                logger.LogWarning("Retention kept {Record}: storage refused to delete {Blob} ({Status} {Code}), most likely an immutability period not yet over; "
                    + "the next run tries again", record, name, e.Status, e.ErrorCode);
                return false;
            }
        }
        return true;
    }

    /// <summary>The SHA-256 of every answer one daily log names at or after <paramref name="since"/>.</summary>
    private static async IAsyncEnumerable<string> ShasSinceAsync(
        BlobContainerClient container, string name, DateTimeOffset since, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var content = (await container.GetBlobClient(name).DownloadContentAsync(cancellationToken)).Value.Content.ToString();
        foreach (var line in content.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.TryGetProperty("sha256", out var sha) && sha.GetString() is { } hash
                && (!root.TryGetProperty("at", out var at) || !at.TryGetDateTimeOffset(out var when) || when >= since))
            {
                yield return hash; // A line without a readable time counts as seen since: when in doubt, kept.
            }
        }
    }

    /// <summary>Writes one series' outcome: its ids in chunks of entries, each with the counts.</summary>
    private async Task WriteAuditAsync(RetentionSeries series, CancellationToken cancellationToken)
    {
        if (series.Removed.Count == 0 && series.Held == 0 && series.Refused == 0)
        {
            return;
        }
        var chunks = new List<List<string>> { new() };
        var length = 0;
        foreach (var id in series.Removed)
        {
            if (length + id.Length > ChunkCharacters && chunks[^1].Count > 0)
            {
                chunks.Add([]);
                length = 0;
            }
            chunks[^1].Add(id);
            length += id.Length + 3;
        }
        var why = string.Create(CultureInfo.InvariantCulture,
            $"past the {series.Days}-day retention period of {series.Name} (policy.json retention.{series.Name}); "
            + $"{series.Held} kept by legal holds, {series.Refused} refused by storage (tried again on the next run)");
        for (var part = 0; part < chunks.Count; part++)
        {
            var after = ItemJson.Serialize(new
            {
                Series = series.Name,
                series.Days,
                series.Cutoff,
                Removed = series.Removed.Count,
                series.Held,
                series.Refused,
                series.InUse,
                Part = part + 1,
                Parts = chunks.Count,
                Ids = chunks[part],
            });
            await audit.AppendAsync(Actors.System, Subject, series.Name, null, Removed, null, after, why, cancellationToken);
        }
    }

    /// <summary>What one run reads once: the active holds, the accounts' locations, and whether it is a dry run.</summary>
    private sealed class Run(IReadOnlyList<LegalHold> holds, Dictionary<string, string> locations, bool dryRun)
    {
        public bool DryRun { get; } = dryRun;

        public string? LocationOf(string account) => locations.GetValueOrDefault(account);

        public bool Held(RecordScope scope, TimeZoneInfo zone) => holds.Any(h => h.Meets(scope, zone));
    }
}
