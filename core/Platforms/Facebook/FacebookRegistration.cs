using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SocialMonitor.Core.Platforms.Facebook;

public static class FacebookRegistration
{
    /// <summary>
    /// Registers <see cref="FacebookClient"/> as an <see cref="IPlatformClient"/> and its named HttpClient, the shared way
    /// (<see cref="PlatformHttpRegistration.AddPlatformHttpClient"/>: call counter inside, no default logging, no client
    /// timeout), with the one Facebook resilience pipeline (<see cref="FacebookResilience"/>).
    /// </summary>
    public static IServiceCollection AddFacebook(this IServiceCollection services)
    {
        services.TryAddSingleton<FacebookUsageGate>();
        services.AddPlatformHttpClient(FacebookClient.HttpClientName, FacebookResilience.PipelineName, FacebookResilience.Configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPlatformClient, FacebookClient>());
        return services;
    }
}
