using NCrontab;

namespace SocialMonitor.Core.Hosting;

/// <summary>The checks that settings share, each answering with a message that names the setting.</summary>
internal static class SettingRules
{
    public static IEnumerable<string> Positive(string setting, int value)
    {
        if (value <= 0)
        {
            yield return $"Setting {setting} must be a positive whole number; it is {value}.";
        }
    }

    public static IEnumerable<string> Required(string setting, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            yield return $"Setting {setting} is required and is empty.";
        }
    }

    public static IEnumerable<string> AbsoluteUri(string setting, string? value, params string[] schemes)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || !schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase))
        {
            yield return $"Setting {setting} must be an absolute {string.Join(" or ", schemes)} URL; it is '{value}'.";
        }
    }

    public static IEnumerable<string> OneOf(string setting, string? value, params string[] allowed)
    {
        if (!allowed.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            yield return $"Setting {setting} must be one of {string.Join(", ", allowed)}; it is '{value}'.";
        }
    }

    public static IEnumerable<string> Ncrontab(string setting, string? value)
    {
        if (CrontabSchedule.TryParse(value ?? "", new CrontabSchedule.ParseOptions { IncludingSeconds = true }) is null)
        {
            yield return $"Setting {setting} must be a six-field NCRONTAB expression (seconds first, UTC); it is '{value}'.";
        }
    }
}
