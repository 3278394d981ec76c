using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Scanning;

/// <summary>A stream's cursor in <c>Cursors</c> (PartitionKey account, RowKey the stream key, both escaped); the account's scan state is a <see cref="ScanStateRow"/> there.</summary>
internal sealed class CursorRow : TableRow
{
    public string? Key { get; set; }
    public DateTimeOffset? Position { get; set; }
    public DateTimeOffset? Floor { get; set; }
    public string? Hint { get; set; }
    public DateTimeOffset? ReadAt { get; set; }

    public static CursorRow From(string account, StreamCursor cursor) => new()
    {
        PartitionKey = TableKeys.Escape(account),
        RowKey = TableKeys.Escape(cursor.Key),
        Key = cursor.Key,
        Position = cursor.Position,
        Floor = cursor.Floor,
        Hint = cursor.Hint,
        ReadAt = cursor.ReadAt,
    };

    /// <summary>The cursor; a row without <see cref="Key"/> is named by its row key.</summary>
    public StreamCursor ToCursor() => new(Key ?? RowKey) { Position = Position, Floor = Floor, Hint = Hint, ReadAt = ReadAt };
}
