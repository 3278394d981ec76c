using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Scanning;

/// <summary>A row of <c>Budgets</c> (PartitionKey platform, RowKey the period): units used in the period and the limit they were spent against, both Int64.</summary>
internal sealed class BudgetRow : TableRow
{
    public long? Used { get; set; }
    public long? Limit { get; set; }
}
