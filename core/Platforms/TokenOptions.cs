using SocialMonitor.Core.Hosting;

namespace SocialMonitor.Core.Platforms;

/// <summary>
/// <c>Tokens__Source</c> (<c>Settings</c> or <c>KeyVault</c>) and, with <c>Settings</c>, the tokens themselves as
/// <c>Tokens__&lt;name&gt;</c>, the name matched case-insensitively. Values are never logged.
/// </summary>
public sealed class TokenOptions : ISettings
{
    public const string Section = "Tokens";

    public string Source { get; set; } = "Settings";

    /// <summary>Every other <c>Tokens__*</c> setting, by name.</summary>
    public IDictionary<string, string> Values { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public IEnumerable<string> Validate() => SettingRules.OneOf("Tokens__Source", Source, "Settings", "KeyVault");
}
