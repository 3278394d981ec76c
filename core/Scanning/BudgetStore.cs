using Azure;
using Azure.Data.Tables;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Scanning;

/// <summary>
/// The budget hook's ledger: what each platform with a <see cref="PlatformBudget"/> has spent in the current period,
/// one row of the <c>Budgets</c> table per platform (PartitionKey) and period (RowKey, <see cref="PlatformBudget.PeriodKey"/>),
/// with <c>Used</c> and the <c>Limit</c> it was spent against. Every write is conditional on the row's ETag (or on its
/// absence), and a lost race reads the row again and adds once more, so two scans spending at once both count.
/// </summary>
public sealed class BudgetStore(StorageClients storage, TimeProvider time)
{
    /// <summary>More writers than this racing for one row in one spend would be a bug, not load: the spend then throws.</summary>
    public const int MaxAttempts = 50;

    /// <summary>Units spent so far in the current period (0 when nothing was spent yet).</summary>
    public async Task<long> UsedAsync(string platform, PlatformBudget budget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(budget);
        var table = await storage.TableAsync(TableNames.Budgets, cancellationToken);
        var row = await table.GetEntityIfExistsAsync<BudgetRow>(platform, budget.PeriodKey(time.GetUtcNow()), cancellationToken: cancellationToken);
        return row.HasValue ? row.Value!.Used ?? 0 : 0;
    }

    /// <summary>Whether the budget has room for one more read in the current period.</summary>
    public async Task<bool> HasRoomAsync(string platform, PlatformBudget budget, CancellationToken cancellationToken) =>
        await UsedAsync(platform, budget, cancellationToken) < budget.Limit;

    /// <summary>
    /// Adds <paramref name="units"/> to the current period's row. On retry of a scan the reads it repeats are real
    /// calls and are counted again; reads it does not repeat are not.
    /// </summary>
    public async Task SpendAsync(string platform, PlatformBudget budget, long units, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(budget);
        if (units <= 0)
        {
            return;
        }
        var table = await storage.TableAsync(TableNames.Budgets, cancellationToken);
        var period = budget.PeriodKey(time.GetUtcNow());
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var row = await table.GetEntityIfExistsAsync<BudgetRow>(platform, period, cancellationToken: cancellationToken);
            try
            {
                if (!row.HasValue)
                {
                    await table.AddEntityAsync(new BudgetRow { PartitionKey = platform, RowKey = period, Used = units, Limit = budget.Limit }, cancellationToken);
                }
                else
                {
                    var entity = row.Value!;
                    entity.Used = (entity.Used ?? 0) + units;
                    entity.Limit = budget.Limit;
                    await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Another scan wrote the row between our read and our write: read it again and add to what it holds.
            }
        }
        throw new InvalidOperationException(
            $"The {platform} budget row {period} in table {TableNames.Budgets} changed under {MaxAttempts} attempts in a row to add {units} units; the scan is retried by its queue.");
    }
}
