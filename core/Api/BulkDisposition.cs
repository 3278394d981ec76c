namespace SocialMonitor.Core.Api;

/// <summary>The body of <c>POST /api/findings/dispositions</c>: up to <see cref="MaxEntries"/> status changes.</summary>
public sealed record BulkDisposition
{
    public const int MaxEntries = 100;

    public IReadOnlyList<BulkDispositionEntry>? Entries { get; init; }

    public string? Problem() => Entries switch
    {
        null or { Count: 0 } => "'entries' must list at least one {\"id\", \"etag\", \"status\", ...} change.",
        { Count: > MaxEntries } => $"'entries' lists at most {MaxEntries} changes; send the rest in another request.",
        _ when Entries.Any(e => string.IsNullOrWhiteSpace(e.Id)) => "Every entry needs 'id': the finding's id.",
        _ when Entries.GroupBy(e => e.Id).Any(g => g.Count() > 1) => "Each finding may appear once in 'entries'.",
        _ => null,
    };
}
