using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;

namespace SocialMonitor.Core.Notifications;

public static class MailRegistration
{
    /// <summary>
    /// The mail services: routing, composing, the outbox and the sender <c>Mail__Mode</c> names. The Graph client is
    /// built with <see cref="GraphClientFactory"/> so that Graph's retry middleware stays in its pipeline, and it signs in
    /// with the <see cref="TokenCredential"/> from DI (the managed identity in Azure; tests inject one needing no network).
    /// Tokens go only to the host of <c>Graph__BaseUrl</c>.
    /// </summary>
    public static IServiceCollection AddMail(this IServiceCollection services)
    {
        services.TryAddSingleton<BusinessCalendar>();
        services.TryAddSingleton<PersonalDataMasker>();
        services.TryAddSingleton<EmailComposer>();
        services.TryAddSingleton<NotificationRouter>();
        services.TryAddSingleton<Outbox>();
        services.TryAddSingleton<OutboxProcessor>();
        services.TryAddSingleton<ImmediateBundler>();
        services.TryAddSingleton<DigestBacklog>();
        services.TryAddSingleton<Escalations>();
        services.TryAddSingleton<HourlyMailJob>();
        services.TryAddSingleton<Notifier>();
        services.TryAddSingleton(provider =>
        {
            var baseUrl = provider.GetRequiredService<IOptions<GraphOptions>>().Value.BaseUrl.TrimEnd('/');
            var authentication = new AzureIdentityAuthenticationProvider(
                provider.GetRequiredService<TokenCredential>(), [new Uri(baseUrl).Host], observabilityOptions: null, isCaeEnabled: false, GraphOptions.Scope);
            return new GraphServiceClient(GraphClientFactory.Create(), authentication, baseUrl);
        });
        services.TryAddSingleton<INotificationSender>(provider =>
            provider.GetRequiredService<IOptions<MailOptions>>().Value.UsesGraph
                ? ActivatorUtilities.CreateInstance<GraphNotificationSender>(provider)
                : ActivatorUtilities.CreateInstance<FileNotificationSender>(provider));
        return services;
    }
}
