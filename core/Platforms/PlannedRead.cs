namespace SocialMonitor.Core.Platforms;

/// <summary>
/// One stream of a <see cref="ReadPlan"/>, as the plan reads it: its name (a cursor key, a stream in the archive and in the call counts), what
/// an item absent from a complete read of it means, and whether its items are posts with change hints.
/// </summary>
public sealed record PlannedRead(string Name, StreamAbsence WhenAbsent, bool ChangeHints = false);
