using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SocialMonitor.Core.Platforms.YouTube;

public static class YouTubeRegistration
{
    /// <summary>
    /// Registers <see cref="YouTubeClient"/> as an <see cref="IPlatformClient"/>, its quota gate (one per process: the quota
    /// is the project's) and its named HttpClient the shared way, with its pipeline (<see cref="YouTubeResilience"/>).
    /// <c>Platforms__YouTube__DailyQuota</c> is bound by <c>AddSocialMonitor</c>; without it the default is 10,000.
    /// </summary>
    public static IServiceCollection AddYouTube(this IServiceCollection services)
    {
        services.TryAddSingleton<YouTubeQuotaGate>();
        services.AddPlatformHttpClient(YouTubeClient.HttpClientName, YouTubeResilience.PipelineName, YouTubeResilience.Configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPlatformClient, YouTubeClient>());
        return services;
    }
}
