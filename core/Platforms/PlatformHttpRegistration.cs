using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace SocialMonitor.Core.Platforms;

public static class PlatformHttpRegistration
{
    /// <summary>
    /// Registers a platform's named HttpClient the one way every platform uses: its resilience pipeline
    /// (<paramref name="pipeline"/>, built once), the <see cref="PlatformCallCounter"/> inside it (so every attempt is
    /// counted), no default HttpClient logging (it would log the secrets carried in query strings) and no client timeout
    /// (the pipeline bounds every attempt and every wait). Also registers <see cref="PlatformHttp"/>.
    /// </summary>
    public static IHttpClientBuilder AddPlatformHttpClient(this IServiceCollection services, string name, string pipelineName,
        Action<ResiliencePipelineBuilder<HttpResponseMessage>, IServiceProvider> pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PlatformHttp>();
        services.TryAddSingleton<OAuth.OAuthRefresher>();
        var client = services.AddHttpClient(name, http => http.Timeout = Timeout.InfiniteTimeSpan);
        client.AddResilienceHandler(pipelineName, (builder, context) => pipeline(builder, context.ServiceProvider));
        client.AddHttpMessageHandler(() => new PlatformCallCounter()); // Added after the pipeline, so inside it: every attempt is counted.
        client.RemoveAllLoggers();
        return client;
    }
}
