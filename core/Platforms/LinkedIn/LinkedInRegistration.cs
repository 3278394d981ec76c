using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SocialMonitor.Core.Platforms.LinkedIn;

public static class LinkedInRegistration
{
    /// <summary>
    /// Registers <see cref="LinkedInClient"/> as an <see cref="IPlatformClient"/> and its named HttpClient, the shared way
    /// (<see cref="PlatformHttpRegistration.AddPlatformHttpClient"/>), with its resilience pipeline (<see cref="LinkedInResilience"/>).
    /// </summary>
    public static IServiceCollection AddLinkedIn(this IServiceCollection services)
    {
        services.AddPlatformHttpClient(LinkedInClient.HttpClientName, LinkedInResilience.PipelineName, LinkedInResilience.Configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPlatformClient, LinkedInClient>());
        return services;
    }
}
