using System.Globalization;

namespace SocialMonitor.Core.Storage;

/// <summary>
/// Newest-first keys: inverted ticks as 19 digits, so that ascending key order is descending time order, and the bounds
/// that select a time range of such keys.
/// </summary>
public static class TimeKeys
{
    public static string Inverted(DateTimeOffset time) => (DateTimeOffset.MaxValue.UtcTicks - time.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>
    /// The key just after every key of <paramref name="time"/> (inverted ticks one tick earlier): <c>RowKey ge</c> it
    /// keeps times before <paramref name="time"/>, <c>RowKey lt</c> it keeps times at or after it.
    /// </summary>
    public static string Bound(DateTimeOffset time) => (DateTimeOffset.MaxValue.UtcTicks - time.UtcTicks + 1).ToString("D19", CultureInfo.InvariantCulture);
}
