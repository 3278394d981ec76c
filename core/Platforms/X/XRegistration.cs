using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SocialMonitor.Core.Platforms.X;

public static class XRegistration
{
    /// <summary>
    /// Registers <see cref="XClient"/> as an <see cref="IPlatformClient"/>, its rate-limit gate and its named HttpClient the
    /// shared way (<see cref="PlatformHttpRegistration.AddPlatformHttpClient"/>) with the X pipeline (<see cref="XResilience"/>).
    /// </summary>
    public static IServiceCollection AddX(this IServiceCollection services)
    {
        services.TryAddSingleton<XRateLimits>();
        services.AddPlatformHttpClient(XClient.HttpClientName, XResilience.PipelineName, XResilience.Configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPlatformClient, XClient>());
        return services;
    }
}
