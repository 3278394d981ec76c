namespace SocialMonitor.Core.Platforms;

/// <summary>
/// One stream of a <see cref="ReadPlan"/>, as the plan reads it: its name (a cursor key, a stream in the archive and in the call counts), what
/// an item absent from a complete read of it means, whether its items are posts with change hints, and whether an
/// every-scan stream is read from its newest item only (<see cref="FromNewest"/>).
/// </summary>
/// <param name="FromNewest">
/// Read from the newest item queued, not again over the comment window: for a stream whose platform bills every item
/// returned and whose edits come back as new items (X's mentions: an edit is a new id, so a read since the newest still
/// brings it). What is then not seen again is a deletion of an older item of the stream.
/// </param>
public sealed record PlannedRead(string Name, StreamAbsence WhenAbsent, bool ChangeHints = false, bool FromNewest = false);
