using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Scanning;

/// <summary>A row of <c>ItemIndex</c> (PartitionKey account, RowKey item id, both escaped): one captured item's current state.</summary>
internal sealed class ItemIndexRow : TableRow
{
    public string? ItemId { get; set; }
    public string? Platform { get; set; }
    public string? Kind { get; set; }
    public string? Stream { get; set; }
    public string? ParentId { get; set; }
    public string? Origin { get; set; }
    public string? Hash { get; set; }
    public int? Version { get; set; }
    public int? Events { get; set; }
    public bool? Hidden { get; set; }
    public bool? Deleted { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public DateTimeOffset? FirstSeen { get; set; }
    public DateTimeOffset? ChangedAt { get; set; }

    public static ItemIndexRow From(IndexedItem item) => new()
    {
        PartitionKey = TableKeys.Escape(item.Account),
        RowKey = TableKeys.Escape(item.ItemId),
        ItemId = item.ItemId,
        Platform = item.Platform,
        Kind = item.Kind,
        Stream = item.Stream,
        ParentId = item.ParentId,
        Origin = item.Origin,
        Hash = item.Hash,
        Version = item.Version,
        Events = item.Events,
        Hidden = item.Hidden,
        Deleted = item.Deleted,
        CreatedAt = item.CreatedAt,
        FirstSeen = item.FirstSeen,
        ChangedAt = item.ChangedAt,
    };

    public IndexedItem ToItem() => new()
    {
        Account = PartitionKey, // Account ids are slugs ([a-z0-9-]): escaping leaves them as they are.
        ItemId = ItemId!,
        Platform = Platform ?? "unknown",
        Kind = Kind ?? "",
        Stream = Stream ?? "",
        ParentId = ParentId,
        Origin = Origin ?? "",
        Hash = Hash!,
        Version = Version ?? 1,
        Events = Events ?? 0,
        Hidden = Hidden ?? false,
        Deleted = Deleted ?? false,
        CreatedAt = CreatedAt,
        FirstSeen = FirstSeen ?? default,
        ChangedAt = ChangedAt ?? default,
    };
}
