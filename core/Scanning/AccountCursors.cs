namespace SocialMonitor.Core.Scanning;

/// <summary>An account's stream cursors by key (<see cref="Platforms.StreamNames.Key"/>): as stored, or none at all for a first scan or a dry run.</summary>
public sealed class AccountCursors(IEnumerable<StreamCursor> cursors)
{
    private readonly Dictionary<string, StreamCursor> _cursors = cursors.ToDictionary(c => c.Key, StringComparer.Ordinal);

    public static AccountCursors None => new([]);

    public bool IsEmpty => _cursors.Count == 0;

    public IEnumerable<StreamCursor> All => _cursors.Values;

    public StreamCursor? Find(string key) => _cursors.GetValueOrDefault(key);
}
