using System.Globalization;

namespace SocialMonitor.Cli;

/// <summary>Times as a person reads them in a table or a message: in the library's time zone (the policy's), ISO 8601 style.</summary>
internal static class LocalTime
{
    /// <summary><c>2026-10-15 11:00</c>, in <paramref name="zone"/>.</summary>
    public static string Minutes(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary><c>2026-10-15 11:00:05</c>, in <paramref name="zone"/>.</summary>
    public static string Seconds(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A column header that says the zone: <c>first seen (America/Los_Angeles)</c>.</summary>
    public static string Header(string what, TimeZoneInfo zone) => $"{what} ({zone.Id})";
}
