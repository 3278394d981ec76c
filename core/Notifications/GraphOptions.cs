using SocialMonitor.Core.Hosting;

namespace SocialMonitor.Core.Notifications;

public sealed class GraphOptions : ISettings
{
    public const string Section = "Graph";

    /// <summary>The token scope of Microsoft Graph (app-only: the permissions granted to the app's identity).</summary>
    public const string Scope = "https://graph.microsoft.com/.default";

    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    public IEnumerable<string> Validate() => SettingRules.AbsoluteUri("Graph__BaseUrl", BaseUrl, "http", "https");
}
