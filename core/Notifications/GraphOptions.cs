using SocialMonitor.Core.Hosting;

namespace SocialMonitor.Core.Notifications;

public sealed class GraphOptions : ISettings
{
    public const string Section = "Graph";

    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    public IEnumerable<string> Validate() => SettingRules.AbsoluteUri("Graph__BaseUrl", BaseUrl, "http", "https");
}
