using Azure;
using Azure.Data.Tables;

namespace SocialMonitor.Core.Storage;

/// <summary>
/// What every typed row has: its keys, timestamp and ETag (docs/architecture.md, "Storage: typed rows"). Each table's
/// row derives from it and names its columns as properties, with the names and types the table has always had. A column
/// a row may lack is a nullable property: null is not written (the column stays missing, as it always did) and a missing
/// column reads as null; the mapping to the domain type supplies what a missing column means. A property that is not a
/// column would be written as one, so a row has none (or marks it <c>[IgnoreDataMember]</c>).
/// </summary>
internal abstract class TableRow : ITableEntity
{
    public string PartitionKey { get; set; } = "";

    public string RowKey { get; set; } = "";

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }
}
