using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Approvals;
using SocialMonitor.Core.Evaluation;
using SocialMonitor.Core.Hosting;

namespace SocialMonitor.Core.Rules.LinkDomain;

public static class LinkDomainRegistration
{
    /// <summary>
    /// The <c>Links</c> settings, the Public Suffix List (embedded, or the newer file <c>Links__PublicSuffixList</c>
    /// names), the <see cref="LinkAnalyzer"/> the link rule uses, the approvals cache, and the shortened-link
    /// resolver with its own HttpClient behind <see cref="AddressPolicy.PublicOnly"/>.
    /// </summary>
    public static IServiceCollection AddLinkDomain(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<LinkOptions>(configuration, LinkOptions.Section);
        services.TryAddSingleton(provider => provider.GetRequiredService<IOptions<LinkOptions>>().Value.PublicSuffixListPath is { } path
            ? PublicSuffixList.Load(path)
            : PublicSuffixList.Default);
        services.TryAddSingleton(provider => new LinkAnalyzer(
            provider.GetRequiredService<PublicSuffixList>(), provider.GetRequiredService<IOptions<LinkOptions>>().Value.ExtraShorteners));
        services.TryAddSingleton<ApprovalCache>();
        services.TryAddSingleton(AddressPolicy.PublicOnly);
        services.TryAddSingleton<LinkResolver>();
        services.AddHttpClient(LinkResolver.HttpClientName, client => client.DefaultRequestHeaders.UserAgent.ParseAdd("SocialMonitor-LinkCheck/1.0"))
            .ConfigurePrimaryHttpMessageHandler(provider => LinkResolver.CreateHandler(provider.GetRequiredService<AddressPolicy>()))
            .RemoveAllLoggers();
        return services;
    }
}
