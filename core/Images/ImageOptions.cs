using SocialMonitor.Core.Hosting;

namespace SocialMonitor.Core.Images;

/// <summary>The profile image fetch (<c>Images__*</c>): its timeout, and the loopback switch of the demo and the tests.</summary>
public sealed class ImageOptions : ISettings
{
    public const string Section = "Images";

    /// <summary>Seconds for one image, redirects included (<c>Images__TimeoutSeconds</c>, default 10).</summary>
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// <c>Images__AllowLoopback</c>: also fetch from 127.0.0.1 and ::1, over http too, whatever the platform's image
    /// hosts, so that the demo and the tests can serve images from the loopback fake. Production never sets it: no
    /// app setting in <c>infra/</c> or <c>local.settings.sample.json</c> names it, the demo and the tests set it in
    /// their own in-memory settings only, and with it unset every loopback and private address is refused.
    /// </summary>
    public bool AllowLoopback { get; set; }

    public IEnumerable<string> Validate() => SettingRules.Positive("Images__TimeoutSeconds", TimeoutSeconds);
}
