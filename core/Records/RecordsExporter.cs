using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Api;
using SocialMonitor.Core.Archive;
using SocialMonitor.Core.Audit;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Notifications;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Scanning;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Records;

/// <summary>
/// A records export (docs/architecture.md, "Records requests"): the ZIP of every item in the query's scope with its
/// versions and events, the raw answers they came from, their findings with status history, the audit entries, the
/// emails sent about them, one HTML page per thread and the manifest, written forward onto <c>output</c> as it is read.
/// Memory stays flat: one item's history at a time is read (one read of each table per account), threads are gathered
/// in temporary files, and findings, audit entries and the manifest's file list are spooled to disk until their turn.
/// The export is audited once it is complete (subject <c>records</c>); a failed export leaves a partial ZIP without a
/// manifest, which <c>records verify</c> refuses, and no audit entry, so it is simply run again.
/// </summary>
public sealed partial class RecordsExporter(
    AccountRegistry registry,
    ItemIndex index,
    ItemHistory history,
    FindingStore findings,
    AuditLog audit,
    Outbox outbox,
    ResponseArchive archive,
    LegalHoldService holds,
    IEnumerable<IPlatformClient> clients,
    Policy policy,
    TimeProvider time,
    ILogger<RecordsExporter> logger)
{
    public const string AuditSubject = "records";
    public const string AuditAction = "export";

    /// <summary>The accounts the query covers; a filter naming an unknown location, account or platform is refused by name.</summary>
    public async Task<IReadOnlyList<Account>> AccountsAsync(RecordsQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var accounts = await registry.ListAccountsAsync(cancellationToken);
        var locations = (await registry.ListLocationsAsync(cancellationToken)).Select(l => l.Id).ToList();
        Known("location", query.Locations, locations);
        Known("account", query.Accounts, [.. accounts.Select(a => a.Id)]);
        Known("platform", query.Platforms, [.. PlatformNames.All]);
        return [.. accounts
            .Where(a => (query.Locations.Count == 0 || query.Locations.Contains(a.Location))
                && (query.Accounts.Count == 0 || query.Accounts.Contains(a.Id))
                && (query.Platforms.Count == 0 || query.Platforms.Contains(a.Platform)))
            .OrderBy(a => a.Id, StringComparer.Ordinal)];
    }

    public async Task<RecordsExport> ExportAsync(RecordsQuery query, string requestedBy, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var accounts = await AccountsAsync(query, cancellationToken);
        var at = time.GetUtcNow();
        var zone = policy.Zone;
        var run = new RecordsRun(query, zone);
        await using var zip = await RecordsZip.CreateAsync(output, TimeZoneInfo.ConvertTime(at, zone).DateTime, cancellationToken);
        foreach (var account in accounts)
        {
            await ExportAccountAsync(run, zip, account, cancellationToken);
            await foreach (var entry in AuditOfAsync("account", account.Id, cancellationToken))
            {
                await run.AuditAsync(entry, cancellationToken);
            }
        }
        await WriteSpooledAsync(run, zip, cancellationToken);
        await foreach (var email in outbox.ReadSentAsync(cancellationToken))
        {
            if (email.FindingIds.Any(run.FindingIds.Contains))
            {
                await using var eml = await outbox.OpenArchiveAsync(email, cancellationToken);
                await zip.AddAsync(RecordsPaths.Email(email.Id), s => eml.CopyToAsync(s, cancellationToken), cancellationToken);
                run.Counts.Emails++;
            }
        }
        var manifest = new RecordsManifest(query, at, requestedBy, zone, run.Counts, await holds.CoveringAsync(accounts, query.From, query.To, cancellationToken));
        await using var files = await zip.Files.OpenReadAsync();
        var sha = await zip.CloseAsync(RecordsPaths.Manifest, s => manifest.WriteAsync(s, files, cancellationToken), cancellationToken);
        await run.DisposeAsync();

        var export = new RecordsExport(sha, zip.Files.Count + 1, run.Counts);
        await audit.AppendAsync(requestedBy, AuditSubject, sha, query.Locations.Count == 1 ? query.Locations[0] : null, AuditAction, null,
            ItemJson.Serialize(new { query = query.Describe(), manifestSha256 = sha, export.Files, run.Counts }), $"records export: {query.Describe()}", cancellationToken);
        LogExported(requestedBy, query.Describe(), run.Counts.Items, sha);
        return export;
    }

    /// <summary>One account: its items with their histories (the index and the history read side by side, both in id order), then its thread pages.</summary>
    private async Task ExportAccountAsync(RecordsRun run, RecordsZip zip, Account account, CancellationToken cancellationToken)
    {
        var perPost = clients.SelectMany(c => c.Plan.PerPost).Select(s => s.Name + ":").Distinct(StringComparer.Ordinal).ToList();
        await using var histories = history.ReadAccountAsync(account.Id, cancellationToken).GetAsyncEnumerator(cancellationToken);
        var more = await histories.MoveNextAsync();
        var threads = run.ThreadsOf(account);
        await foreach (var row in index.ReadAccountAsync(account.Id, cancellationToken))
        {
            var key = TableKeys.Escape(row.ItemId);
            while (more && string.CompareOrdinal(TableKeys.Escape(histories.Current[0].ItemId), key) < 0)
            {
                more = await histories.MoveNextAsync(); // History of an item the index does not hold: never indexed, so never scanned to an end.
            }
            IReadOnlyList<ItemHistoryEntry> entries = more && TableKeys.Escape(histories.Current[0].ItemId) == key ? histories.Current : [];
            var record = new ItemRecord(row, account.Location, [.. entries.Where(e => e.Platform == row.Platform)], []);
            if (!InScope(run.Query, record))
            {
                continue;
            }
            record = record with { Findings = await FindingsOfAsync(run, record, cancellationToken) };
            var thread = ThreadOf(row, perPost);
            await WriteItemAsync(run, zip, account, record, RecordsPaths.Thread(account.Platform, account.Id, thread ?? "account"), cancellationToken);
            await threads.AddAsync(thread, record, cancellationToken);
        }
        await threads.WriteAsync(zip, run, cancellationToken);
    }

    /// <summary>In scope: created, or a version captured, within the range; and the text of some version holds the query's text.</summary>
    public static bool InScope(RecordsQuery query, ItemRecord record)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(record);
        var dated = query.InRange(record.Index.CreatedAt) || record.Versions.Any(v => query.InRange(v.At));
        return dated && (string.IsNullOrEmpty(query.Text) || record.Versions.Any(v => v.Item is { } item && query.HasText(item.Text)));
    }

    /// <summary>The post an item's thread hangs from: a post's own id, a per-post stream's post; null for an account fact.</summary>
    private static string? ThreadOf(IndexedItem row, IReadOnlyList<string> perPost) =>
        row.Kind == ItemKinds.Post ? row.ItemId
        : perPost.FirstOrDefault(p => row.Stream.StartsWith(p, StringComparison.Ordinal)) is { } prefix ? row.Stream[prefix.Length..]
        : null;

    private async Task<IReadOnlyList<RecordsFinding>> FindingsOfAsync(RecordsRun run, ItemRecord record, CancellationToken cancellationToken)
    {
        var found = new List<RecordsFinding>();
        foreach (var (location, id) in await findings.ByItemAsync(record.Index.Platform, record.Index.ItemId, cancellationToken))
        {
            if (await findings.GetAsync(location, id, cancellationToken) is not { } finding || !run.FindingIds.Add(id))
            {
                continue;
            }
            var entries = new List<AuditEntry>();
            await foreach (var entry in AuditOfAsync("finding", id, cancellationToken))
            {
                entries.Add(entry);
                await run.AuditAsync(entry, cancellationToken);
            }
            var withHistory = new RecordsFinding(finding, entries);
            await run.FindingAsync(withHistory, cancellationToken);
            found.Add(withHistory);
        }
        return found;
    }

    /// <summary>A subject's audit entries, oldest first.</summary>
    private async IAsyncEnumerable<AuditEntry> AuditOfAsync(string subject, string id, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var entry in (await audit.HistoryAsync(subject, id, cancellationToken)).OrderBy(e => e.At).ThenByDescending(e => e.Id, StringComparer.Ordinal))
        {
            yield return entry;
        }
    }

    /// <summary>The item's raw answers (each once per export), then its file: every version and event, times in UTC and local.</summary>
    private async Task WriteItemAsync(RecordsRun run, RecordsZip zip, Account account, ItemRecord record, string thread, CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        foreach (var sha in record.Versions.SelectMany(v => v.RawSha256 ?? []).Distinct(StringComparer.Ordinal))
        {
            if (zip.Contains(RecordsPaths.Raw(sha)))
            {
                continue;
            }
            var page = ResponseArchive.PageName(account.Platform, account.Id, sha);
            await using var raw = await archive.OpenAsync(page, cancellationToken);
            if (raw is null)
            {
                missing.Add(sha);
                run.Counts.RawMissing++;
                continue;
            }
            await zip.AddAsync(RecordsPaths.Raw(sha), s => raw.CopyToAsync(s, cancellationToken), cancellationToken, page);
            run.Counts.RawAnswers++;
        }
        var zone = run.Zone;
        var index = record.Index;
        var file = new
        {
            index.ItemId, index.Platform, index.Account, record.Location, index.Kind, index.ParentId, index.Origin, index.Hidden, index.Deleted,
            CreatedAt = RecordTime.Of(index.CreatedAt, zone),
            FirstSeen = RecordTime.Of(index.FirstSeen, zone),
            Thread = thread,
            Versions = record.Versions.Select(v => new
            {
                v.Version,
                CapturedAt = RecordTime.Of(v.At, zone),
                ContentHash = v.Hash,
                v.RawSha256,
                Raw = v.RawSha256?.Where(s => !missing.Contains(s)).Select(RecordsPaths.Raw).ToList(),
                RawMissing = v.RawSha256?.Where(missing.Contains).ToList(),
                RawNote = v.RawSha256 is null ? "captured before versions recorded their archived answer" : null,
                v.Item,
            }),
            Events = record.Events.Select(e => new { e.Event, At = RecordTime.Of(e.At, zone), e.FromVersion, e.ToVersion, e.Detail }),
            Findings = record.Findings.Select(f => f.Finding.Id),
        };
        await zip.AddAsync(record.Path, s => JsonSerializer.SerializeAsync(s, file, ItemJson.Options, cancellationToken), cancellationToken);
        run.Counts.Items++;
        run.Counts.Versions += record.Versions.Count();
        run.Counts.Events += record.Events.Count();
        run.Counts.VersionsWithoutRaw += record.Versions.Count(v => v.RawSha256 is null);
    }

    /// <summary>The parts gathered on disk while the items were read: the index page, findings (JSON and CSV) and the audit entries.</summary>
    private static async Task WriteSpooledAsync(RecordsRun run, RecordsZip zip, CancellationToken cancellationToken)
    {
        await zip.AddAsync(RecordsPaths.Index, async s =>
        {
            await using var writer = new StreamWriter(s, new UTF8Encoding(false), leaveOpen: true);
            await writer.WriteAsync(IndexPage.Head(run.Query, run.Zone));
            await using var lines = await run.Index.OpenReadAsync();
            await lines.CopyToAsync(writer.BaseStream, cancellationToken);
            await writer.FlushAsync(cancellationToken);
            await writer.WriteAsync(IndexPage.Tail);
        }, cancellationToken);
        await zip.AddAsync(RecordsPaths.FindingsJson, s => JsonArrayAsync(s, run.FindingsJson, cancellationToken), cancellationToken);
        await zip.AddAsync(RecordsPaths.FindingsCsv, async s =>
        {
            await s.WriteAsync(Encoding.UTF8.GetBytes(RecordsCsv.Header), cancellationToken);
            await using var rows = await run.FindingsCsv.OpenReadAsync();
            await rows.CopyToAsync(s, cancellationToken);
        }, cancellationToken);
        await zip.AddAsync(RecordsPaths.Audit, s => JsonArrayAsync(s, run.Audit, cancellationToken), cancellationToken);
    }

    /// <summary>A spool of JSON lines written out as one JSON array.</summary>
    private static async Task JsonArrayAsync(Stream output, SpoolFile spool, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        await writer.WriteAsync("[");
        using var reader = new StreamReader(await spool.OpenReadAsync());
        var first = true;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            await writer.WriteAsync(first ? "\n" : ",\n");
            await writer.WriteAsync(line);
            first = false;
        }
        await writer.WriteAsync("\n]\n");
    }

    private static void Known(string what, IReadOnlyList<string> values, IReadOnlyList<string> known)
    {
        if (values.FirstOrDefault(v => !known.Contains(v, StringComparer.Ordinal)) is { } unknown)
        {
            throw new RecordsQueryException(what, $"there is no {what} '{unknown}'");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Records export by {By} ({Query}): {Items} items, manifest SHA-256 {Sha256}")]
    private partial void LogExported(string by, string query, int items, string sha256);
}
