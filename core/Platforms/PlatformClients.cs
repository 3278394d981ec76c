namespace SocialMonitor.Core.Platforms;

public static class PlatformClients
{
    /// <summary>The client of <paramref name="platform"/> when there is one and <c>Platforms__&lt;Platform&gt;__Enabled</c> is on; else null.</summary>
    public static IPlatformClient? For(this IEnumerable<IPlatformClient> clients, PlatformsOptions options, string platform) =>
        clients.FirstOrDefault(c => c.Platform == platform) is { } client && options.All.TryGetValue(platform, out var settings) && settings.Enabled
            ? client
            : null;
}
