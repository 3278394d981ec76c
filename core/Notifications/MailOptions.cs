using SocialMonitor.Core.Hosting;

namespace SocialMonitor.Core.Notifications;

public sealed class MailOptions : ISettings
{
    public const string Section = "Mail";

    /// <summary><c>Files</c> writes <c>.eml</c> files to <see cref="Directory"/>; <c>Graph</c> sends through Microsoft Graph.</summary>
    public string Mode { get; set; } = "Files";
    public string Directory { get; set; } = "outbox";
    public string From { get; set; } = "monitor@example.org";

    public IEnumerable<string> Validate()
    {
        foreach (var error in SettingRules.OneOf("Mail__Mode", Mode, "Files", "Graph"))
        {
            yield return error;
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
