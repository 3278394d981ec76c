using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Api;
using SocialMonitor.Core.Hosting;

namespace SocialMonitor.Functions;

/// <summary>
/// What the Functions host adds to the app's container (<see cref="ServiceCollectionExtensions.AddSocialMonitor"/>):
/// Application Insights (with <see cref="QueryStringScrubber"/>), and the check that the principal header is trusted only behind App Service Authentication.
/// </summary>
public static class FunctionsRegistration
{
    public static IServiceCollection AddSocialMonitorFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();
        services.AddApplicationInsightsTelemetryProcessor<QueryStringScrubber>(); // No query string (no token) in dependency telemetry.
        services.AddSocialMonitor(configuration);
        services.AddSingleton<IValidateOptions<ApiOptions>, EasyAuthRequirement>();
        return services;
    }
}
