using SocialMonitor.Core.Hosting;

namespace SocialMonitor.Core.Scanning;

public sealed class ScanOptions : ISettings
{
    public const string Section = "Scan";

    public int BackfillDays { get; set; } = 14;
    public int CommentWindowDays { get; set; } = 30;
    public int MaxWaitSeconds { get; set; } = 60;

    public IEnumerable<string> Validate() =>
        SettingRules.Positive("Scan__BackfillDays", BackfillDays)
            .Concat(SettingRules.Positive("Scan__CommentWindowDays", CommentWindowDays))
            .Concat(SettingRules.Positive("Scan__MaxWaitSeconds", MaxWaitSeconds));
}
