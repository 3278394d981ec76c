using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SocialMonitor.Core.Platforms.Facebook;

public static class FacebookRegistration
{
    /// <summary>
    /// Registers <see cref="FacebookClient"/> as an <see cref="IPlatformClient"/> and its named HttpClient. The default
    /// HttpClient logging is removed: it would log the access token carried in every Graph API query string.
    /// </summary>
    public static IServiceCollection AddFacebook(this IServiceCollection services)
    {
        services.AddHttpClient(FacebookClient.HttpClientName).RemoveAllLoggers();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPlatformClient, FacebookClient>());
        return services;
    }
}
