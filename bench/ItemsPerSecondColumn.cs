using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SocialMonitor.Benchmarks;

/// <summary>Items per second on one core: one operation is one item (benchmarks set <c>OperationsPerInvoke</c>).</summary>
public sealed class ItemsPerSecondColumn : IColumn
{
    public string Id => nameof(ItemsPerSecondColumn);
    public string ColumnName => "Items/s/core";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => false;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Items evaluated per second on one core (1 s / mean time per item; 1 s / min in parentheses)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var report = summary[benchmarkCase];
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return report?.ResultStatistics is { Mean: > 0, Min: > 0 } statistics
            ? $"{(1e9 / statistics.Mean).ToString("N0", invariant)} ({(1e9 / statistics.Min).ToString("N0", invariant)})"
            : "-";
    }

    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
