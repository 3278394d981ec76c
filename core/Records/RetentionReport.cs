namespace SocialMonitor.Core.Records;

/// <summary>One retention run: when, whether it was a dry run, and each series that has a period (none: retention is off).</summary>
public sealed record RetentionReport(DateTimeOffset At, bool DryRun, IReadOnlyList<RetentionSeries> Series)
{
    public bool Off => Series.Count == 0;
}
