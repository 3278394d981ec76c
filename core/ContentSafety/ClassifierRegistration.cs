using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialMonitor.Core.Hosting;

namespace SocialMonitor.Core.ContentSafety;

public static class ClassifierRegistration
{
    /// <summary>
    /// The <c>ContentSafety</c> settings, the Content Safety client with its own named HttpClient and Polly pipeline
    /// (<see cref="ContentSafetyResilience"/>; the client's own timeout is off, the pipeline bounds each attempt) and the
    /// <see cref="ItemClassifier"/> that <c>evaluate-item</c> asks. Registered always; with no endpoint it sends nothing.
    /// </summary>
    public static IServiceCollection AddContentSafety(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<ContentSafetyOptions>(configuration, ContentSafetyOptions.Section);
        services.TryAddSingleton<ContentSafetyClient>();
        services.TryAddSingleton<ItemClassifier>();
        var client = services.AddHttpClient(ContentSafetyClient.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan);
        client.AddResilienceHandler(ContentSafetyResilience.PipelineName, (builder, context) => ContentSafetyResilience.Configure(builder, context.ServiceProvider));
        client.RemoveAllLoggers();
        return services;
    }
}
