using SocialMonitor.Core.Hosting;

namespace SocialMonitor.Core.Platforms.YouTube;

/// <summary><c>Platforms__YouTube__DailyQuota</c>: the Google Cloud project's daily quota in units (10,000 unless Google granted more).</summary>
public sealed class YouTubeOptions : ISettings
{
    public const string Section = "Platforms:YouTube";

    public int DailyQuota { get; set; } = 10_000;

    public IEnumerable<string> Validate() => SettingRules.Positive("Platforms__YouTube__DailyQuota", DailyQuota);
}
