using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SocialMonitor.Benchmarks;

/// <summary>
/// The highest working set the benchmark process reached during a measured operation, in MB: the benchmark (its own
/// process) records it in a file named by its parameter, and this column (in the host) reads it.
/// </summary>
public sealed class PeakWorkingSetColumn : IColumn
{
    public string Id => nameof(PeakWorkingSetColumn);
    public string ColumnName => "Peak MB";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Size;
    public string Legend => "Peak working set of the benchmark process during the operation, sampled every 10 ms (MB)";

    /// <summary>Forgets what an earlier run recorded for <paramref name="items"/>: called once per process, before its first operation.</summary>
    public static void Reset(int items) => File.Delete(FileFor(items));

    /// <summary>Keeps the highest of this process's operations (the file outlives the run; <see cref="Reset"/> starts it afresh).</summary>
    public static void Record(int items, long bytes)
    {
        var file = FileFor(items);
        var previous = File.Exists(file) ? long.Parse(File.ReadAllText(file), CultureInfo.InvariantCulture) : 0;
        File.WriteAllText(file, Math.Max(previous, bytes).ToString(CultureInfo.InvariantCulture));
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        var items = benchmarkCase.Parameters["Items"] is int n ? n : 0;
        var file = FileFor(items);
        return File.Exists(file)
            ? (long.Parse(File.ReadAllText(file), CultureInfo.InvariantCulture) / 1024.0 / 1024.0).ToString("F1", CultureInfo.InvariantCulture)
            : "-";
    }

    public bool IsAvailable(Summary summary) => true;
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    private static string FileFor(int items) => Path.Combine(Path.GetTempPath(), $"socialmonitor-bench-peak-{items}.txt");
}
