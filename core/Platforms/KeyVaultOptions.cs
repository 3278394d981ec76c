using SocialMonitor.Core.Hosting;

namespace SocialMonitor.Core.Platforms;

public sealed class KeyVaultOptions : ISettings
{
    public const string Section = "KeyVault";

    public string? Uri { get; set; }

    public IEnumerable<string> Validate() =>
        string.IsNullOrEmpty(Uri) ? [] : SettingRules.AbsoluteUri("KeyVault__Uri", Uri, "https");
}
