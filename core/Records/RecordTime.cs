using System.Globalization;

namespace SocialMonitor.Core.Records;

/// <summary>A moment as an export shows it: in UTC and in the library's time zone (with its offset), both ISO 8601.</summary>
public sealed record RecordTime(string Utc, string Local)
{
    public static RecordTime? Of(DateTimeOffset? at, TimeZoneInfo zone) => at is { } t
        ? new(t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            TimeZoneInfo.ConvertTime(t, zone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture))
        : null;

    /// <summary>The local time for a person: <c>2026-10-15 11:00 PDT</c>-style, with the zone's offset.</summary>
    public static string Readable(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm:ss 'UTC'zzz", CultureInfo.InvariantCulture);
}
