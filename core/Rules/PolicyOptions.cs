using SocialMonitor.Core.Hosting;

namespace SocialMonitor.Core.Rules;

public sealed class PolicyOptions : ISettings
{
    public const string Section = "Policy";

    /// <summary>The policy file; relative paths resolve against the app's base directory.</summary>
    public string Path { get; set; } = "policy/policy.json";

    public IEnumerable<string> Validate() => SettingRules.Required("Policy__Path", Path);
}
