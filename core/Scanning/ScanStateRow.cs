using SocialMonitor.Core.Storage;

namespace SocialMonitor.Core.Scanning;

/// <summary>An account's <see cref="ScanState"/> in <c>Cursors</c> (RowKey <c>~scan</c>), as JSON in <see cref="State"/>.</summary>
internal sealed class ScanStateRow : TableRow
{
    public string? State { get; set; }
}
