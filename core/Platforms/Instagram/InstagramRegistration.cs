using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialMonitor.Core.Platforms.Facebook;

namespace SocialMonitor.Core.Platforms.Instagram;

public static class InstagramRegistration
{
    /// <summary>
    /// Registers <see cref="InstagramClient"/> and its named HttpClient the shared way, with Meta's retry pipeline
    /// (<see cref="FacebookResilience"/>: the same codes, waits and usage headers) and the one usage gate Facebook uses too.
    /// </summary>
    public static IServiceCollection AddInstagram(this IServiceCollection services)
    {
        services.TryAddSingleton<FacebookUsageGate>();
        services.AddPlatformHttpClient(InstagramClient.HttpClientName, InstagramClient.PipelineName, FacebookResilience.Configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPlatformClient, InstagramClient>());
        return services;
    }
}
