using Azure;
using Azure.Data.Tables;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Findings;

/// <summary>
/// The counts the trends are computed from (table <c>FindingTrends</c>, docs/architecture.md "Findings: trends"), per
/// location, library day of first sight and rule: raised, still open, dismissed. Each finding has a marker row in the same
/// partition saying where and how it is counted; <see cref="CountAsync"/> moves a finding's count from what its marker
/// says to what its row says now in one table transaction (marker and counters, each with its ETag), so a count is
/// never applied twice: a retry, a redelivered queue message or a second evaluation of the same finding finds the marker
/// in the finding's state and writes nothing; a crash before the transaction leaves the finding uncounted until the
/// store's next write of it (every write and repair of its index rows counts it). Two writers of one day's counter
/// conflict on its ETag and the loser reads again. The findings of a staff member's personal account are counted apart
/// (<see cref="PersonalPrefix"/>), in the same partition so that one transaction still moves them: they are the
/// coordinator's only, and a manager's figures never include them.
/// </summary>
public sealed class FindingTrendIndex(StorageClients storage, Policy policy, AccountRegistry registry)
{
    internal const string CounterPrefix = "day_";
    internal const string PersonalPrefix = "pday_";
    internal const string MarkerPrefix = "finding_";

    /// <summary>Counts <paramref name="finding"/> as it is now (idempotent: see the type's summary).</summary>
    public async Task CountAsync(Finding finding, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.FindingTrends, cancellationToken);
        var personal = finding.Account is { } account && (await registry.GetAccountAsync(account, cancellationToken))?.Personal == true;
        var counter = CounterKey(policy.LocalDate(finding.FirstSeen), finding.Rule, personal);
        var open = IsOpen(finding.Status);
        var dismissed = finding.Status == FindingStatuses.Dismissed;
        for (var attempt = 1; ; attempt++)
        {
            var marker = await GetAsync<FindingTrendMarkerRow>(table, finding.Location, MarkerPrefix + finding.Id, cancellationToken);
            if (marker is not null && marker.Counter == counter && marker.Open == open && marker.Dismissed == dismissed)
            {
                return;
            }
            var actions = new List<TableTransactionAction>();
            var counters = new Dictionary<string, FindingTrendRow>(StringComparer.Ordinal);
            if (marker?.Counter is { } before)
            {
                await AddAsync(table, counters, finding.Location, before, -1, marker.Open == true ? -1 : 0, marker.Dismissed == true ? -1 : 0, cancellationToken);
            }
            await AddAsync(table, counters, finding.Location, counter, 1, open ? 1 : 0, dismissed ? 1 : 0, cancellationToken);
            foreach (var row in counters.Values)
            {
                actions.Add(row.ETag == default
                    ? new TableTransactionAction(TableTransactionActionType.Add, row)
                    : row.Raised > 0
                        ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, row.ETag)
                        : new TableTransactionAction(TableTransactionActionType.Delete, row, row.ETag));
            }
            var mark = new FindingTrendMarkerRow
            {
                PartitionKey = finding.Location, RowKey = MarkerPrefix + finding.Id, Counter = counter, Open = open, Dismissed = dismissed,
            };
            actions.Add(marker is null
                ? new TableTransactionAction(TableTransactionActionType.Add, mark)
                : new TableTransactionAction(TableTransactionActionType.UpdateReplace, mark, marker.ETag));
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                return;
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412 && attempt < 20)
            {
                // Another writer changed the marker or a counter since they were read: read them again.
            }
        }
    }

    /// <summary>
    /// Removes the finding's marker (retention, after its main row is gone): its counts stay in the day's figures, which are
    /// history, not the finding. A marker already gone is no error.
    /// </summary>
    public async Task ForgetAsync(Finding finding, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.FindingTrends, cancellationToken);
        await table.DeleteEntityAsync(finding.Location, MarkerPrefix + finding.Id, ETag.All, cancellationToken);
    }

    /// <summary>
    /// The counter rows of one location that the trends need: every day from <paramref name="from"/> on, and earlier days
    /// only where findings are still open (for their age); those of personal accounts' findings when <paramref name="personal"/>.
    /// </summary>
    public async IAsyncEnumerable<FindingTrendCount> ReadAsync(
        string location, DateOnly from, bool personal, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.FindingTrends, cancellationToken);
        var prefix = personal ? PersonalPrefix : CounterPrefix;
        var start = prefix + Day(from);
        // '`' follows '_' in ordinal order: the range is every counter row of the prefix and no other row.
        var end = prefix[..^1] + "`";
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {location} and RowKey ge {prefix} and RowKey lt {end} and (RowKey ge {start} or Open gt {0})");
        await foreach (var row in table.QueryAsync<FindingTrendRow>(filter, 1000, ["Day", "Rule", "Raised", "Open", "Dismissed"], cancellationToken))
        {
            yield return new FindingTrendCount(location, DateOnly.ParseExact(row.Day!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                row.Rule!, row.Raised ?? 0, row.Open ?? 0, row.Dismissed ?? 0);
        }
    }

    /// <summary>Open, acknowledged and escalated findings are open; resolved and dismissed ones are closed.</summary>
    public static bool IsOpen(string status) => status is not (FindingStatuses.Resolved or FindingStatuses.Dismissed);

    internal static string CounterKey(DateOnly day, string rule, bool personal = false) =>
        $"{(personal ? PersonalPrefix : CounterPrefix)}{Day(day)}_{TableKeys.Escape(rule)}";

    private static int PrefixLength(string key) => key.StartsWith(PersonalPrefix, StringComparison.Ordinal) ? PersonalPrefix.Length : CounterPrefix.Length;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task AddAsync(TableClient table, Dictionary<string, FindingTrendRow> counters, string location, string key,
        int raised, int open, int dismissed, CancellationToken cancellationToken)
    {
        if (!counters.TryGetValue(key, out var row))
        {
            var stored = await GetAsync<FindingTrendRow>(table, location, key, cancellationToken);
            if (stored is null && raised < 0)
            {
                return; // Nothing counted there to take away.
            }
            row = stored ?? new FindingTrendRow
            {
                PartitionKey = location, RowKey = key, Day = key.Substring(PrefixLength(key), 10), Rule = RuleOf(key), Raised = 0, Open = 0, Dismissed = 0,
            };
            counters[key] = row;
        }
        row.Raised = (row.Raised ?? 0) + raised;
        row.Open = (row.Open ?? 0) + open;
        row.Dismissed = (row.Dismissed ?? 0) + dismissed;
    }

    private static async Task<T?> GetAsync<T>(TableClient table, string partition, string row, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        var response = await table.GetEntityIfExistsAsync<T>(partition, row, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private static string RuleOf(string key) => Uri.UnescapeDataString(key[(PrefixLength(key) + 11)..]);
}
