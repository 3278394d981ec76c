using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialMonitor.Core.Rules.Conduct;
using SocialMonitor.Core.Rules.LinkDomain;

namespace SocialMonitor.Core.Rules;

public static class RuleRegistration
{
    /// <summary>The starter rules (<c>link-domain.unapproved</c>, <c>conduct.profanity</c>) and the <see cref="RuleSet"/> that runs them.</summary>
    public static IServiceCollection AddStarterRules(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRule, UnapprovedLinkRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRule, ProfanityRule>());
        services.TryAddSingleton<RuleSet>();
        return services;
    }
}
