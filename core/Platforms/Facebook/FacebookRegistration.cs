using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SocialMonitor.Core.Platforms.Facebook;

public static class FacebookRegistration
{
    /// <summary>
    /// Registers <see cref="FacebookClient"/> as an <see cref="IPlatformClient"/> and its named HttpClient with the one
    /// Facebook resilience pipeline (<see cref="FacebookResilience"/>) and the call counter inside it. The default
    /// HttpClient logging is removed: it would log the access token carried in every Graph API query string. The
    /// client's own timeout is off: the pipeline bounds every attempt and every wait.
    /// </summary>
    public static IServiceCollection AddFacebook(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FacebookUsageGate>();
        var client = services.AddHttpClient(FacebookClient.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan);
        client.AddResilienceHandler(FacebookResilience.PipelineName, (builder, context) => FacebookResilience.Configure(builder, context.ServiceProvider));
        client.AddHttpMessageHandler(() => new FacebookCallCounter()); // Added after the pipeline, so inside it: every attempt is counted.
        client.RemoveAllLoggers();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPlatformClient, FacebookClient>());
        return services;
    }
}
