namespace SocialMonitor.Core.Hosting;

/// <summary><c>ScanSchedule</c> and <c>DigestSchedule</c>: root-level app settings, because the timer triggers read them.</summary>
public sealed class ScheduleOptions : ISettings
{
    public string ScanSchedule { get; set; } = "0 */15 * * * *";
    public string DigestSchedule { get; set; } = "0 0 * * * *";

    public IEnumerable<string> Validate() =>
        SettingRules.Ncrontab(nameof(ScanSchedule), ScanSchedule).Concat(SettingRules.Ncrontab(nameof(DigestSchedule), DigestSchedule));
}
