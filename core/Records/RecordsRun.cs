using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Audit;
using SocialMonitor.Core.Items;

namespace SocialMonitor.Core.Records;

/// <summary>One export while it runs: its query and zone, its counts, the findings met so far, and the spools of the parts written at the end.</summary>
internal sealed class RecordsRun(RecordsQuery query, TimeZoneInfo zone) : IAsyncDisposable
{
    private readonly string _threads = Directory.CreateTempSubdirectory("socialmonitor-threads-").FullName;

    public RecordsQuery Query { get; } = query;
    public TimeZoneInfo Zone { get; } = zone;
    public RecordsCounts Counts { get; } = new();

    /// <summary>The ids of the findings exported (the emails about them are exported too).</summary>
    public HashSet<string> FindingIds { get; } = new(StringComparer.Ordinal);

    public SpoolFile FindingsJson { get; } = new();
    public SpoolFile FindingsCsv { get; } = new();
    public SpoolFile Audit { get; } = new();

    /// <summary>The index page's rows, one per thread page.</summary>
    public SpoolFile Index { get; } = new();

    public RecordsThreads ThreadsOf(Account account) => new(Path.Combine(_threads, RecordsPaths.Safe(account.Id)), account);

    public async Task FindingAsync(RecordsFinding finding, CancellationToken cancellationToken)
    {
        await FindingsJson.Writer.WriteLineAsync(ItemJson.Serialize(new { finding.Finding, finding.Finding.Family, StatusHistory = finding.History }).AsMemory(), cancellationToken);
        await FindingsCsv.Writer.WriteAsync(RecordsCsv.Row(finding).AsMemory(), cancellationToken);
        Counts.Findings++;
    }

    public async Task AuditAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await Audit.Writer.WriteLineAsync(ItemJson.Serialize(entry).AsMemory(), cancellationToken);
        Counts.AuditEntries++;
    }

    public async ValueTask DisposeAsync()
    {
        await FindingsJson.DisposeAsync();
        await FindingsCsv.DisposeAsync();
        await Audit.DisposeAsync();
        await Index.DisposeAsync();
        Directory.Delete(_threads, recursive: true);
    }
}
