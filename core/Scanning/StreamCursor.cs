namespace SocialMonitor.Core.Scanning;

/// <summary>
/// Where one stream of an account stands. Posts: <see cref="Position"/> is the newest post queued and
/// <see cref="Floor"/> the earliest time the capture covers (the first scan's backfill). Comments of a post:
/// <see cref="Position"/> is the post's own time and <see cref="Hint"/> its change hint when its comments were last
/// read. Every stream: <see cref="ReadAt"/>, when it was last read to the end.
/// </summary>
public sealed record StreamCursor(string Key)
{
    public DateTimeOffset? Position { get; init; }
    public DateTimeOffset? Floor { get; init; }
    public string? Hint { get; init; }
    public DateTimeOffset? ReadAt { get; init; }
}
