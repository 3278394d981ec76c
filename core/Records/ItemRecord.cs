using System.Text.Json.Serialization;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Scanning;

namespace SocialMonitor.Core.Records;

/// <summary>One item in an export: what the record knows of it now, its location, every version and event, and the findings on it.</summary>
public sealed record ItemRecord(IndexedItem Index, string Location, IReadOnlyList<ItemHistoryEntry> History, IReadOnlyList<RecordsFinding> Findings)
{
    [JsonIgnore]
    public IEnumerable<ItemHistoryEntry> Versions => History.Where(e => e.Event is null);

    [JsonIgnore]
    public IEnumerable<ItemHistoryEntry> Events => History.Where(e => e.Event is not null);

    /// <summary>The item as last captured (null only for an index row whose versions are missing).</summary>
    [JsonIgnore]
    public Item? Latest => Versions.LastOrDefault(v => v.Item is not null)?.Item;

    [JsonIgnore]
    public string Path => RecordsPaths.Item(Index.Platform, Index.Account, Index.ItemId);
}
