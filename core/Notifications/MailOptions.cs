using SocialMonitor.Core.Hosting;

namespace SocialMonitor.Core.Notifications;

public sealed class MailOptions : ISettings
{
    public const string Section = "Mail";

    /// <summary><c>Files</c> writes <c>.eml</c> files to <see cref="Directory"/>; <c>Graph</c> sends through Microsoft Graph.</summary>
    public string Mode { get; set; } = "Files";
    public string Directory { get; set; } = "outbox";
    public string From { get; set; } = "monitor@example.org";

    /// <summary>
    /// How long an email may stay in <c>sending</c> before it is taken for a crash and sent again, marked as a possible
    /// duplicate. Longer than one send can take (Graph's own retries stop within 3 minutes).
    /// </summary>
    public int SendingTimeoutMinutes { get; set; } = 15;

    /// <summary>
    /// How long an immediate email waits, from its first finding, for more findings for the same person, which join it
    /// (0 sends each finding at once, alone). A bundle with a critical finding goes at most a minute after it began.
    /// </summary>
    public int BundleSeconds { get; set; } = 60;

    /// <summary>The longest <see cref="BundleSeconds"/>: ten minutes.</summary>
    public const int MaxBundleSeconds = 600;

    public bool UsesGraph => string.Equals(Mode, "Graph", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<string> Validate()
    {
        foreach (var error in SettingRules.OneOf("Mail__Mode", Mode, "Files", "Graph").Concat(SettingRules.Positive("Mail__SendingTimeoutMinutes", SendingTimeoutMinutes)))
        {
            yield return error;
        }
        if (BundleSeconds is < 0 or > MaxBundleSeconds)
        {
            yield return $"Setting Mail__BundleSeconds must be a whole number from 0 (off) to {MaxBundleSeconds}; it is {BundleSeconds}.";
        }
        if (!MimeKit.MailboxAddress.TryParse(From, out _) || !From.Contains('@', StringComparison.Ordinal))
        {
            yield return $"Setting Mail__From must be an email address; it is '{From}'.";
        }
        if (string.Equals(Mode, "Files", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(Directory))
        {
            yield return "Setting Mail__Directory is required when Mail__Mode is Files.";
        }
    }
}
