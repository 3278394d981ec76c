using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocialMonitor.Core.Rules.Accessibility;
using SocialMonitor.Core.Rules.Branding;
using SocialMonitor.Core.Rules.Conduct;
using SocialMonitor.Core.Rules.Governance;
using SocialMonitor.Core.Rules.LinkDomain;
using SocialMonitor.Core.Rules.PersonalGain;
using SocialMonitor.Core.Rules.Pii;

namespace SocialMonitor.Core.Rules;

public static class RuleRegistration
{
    /// <summary>
    /// The rules (<c>link-domain</c>, <c>conduct</c>, <c>pii</c>, <c>personal-gain</c>, <c>accessibility</c>,
    /// <c>branding</c>, and the <c>governance</c> rules of the daily account review's items) and the
    /// <see cref="RuleSet"/> that runs them.
    /// </summary>
    public static IServiceCollection AddStarterRules(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRule, UnapprovedLinkRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRule, ConductRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRule, PiiRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRule, PersonalGainRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRule, AccessibilityRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRule, UnapprovedAccountRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRule, UnapprovedAccessRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRule, AccessEndedRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRule, AccessReviewDueRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRule, CoordinatorNotAdminRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRule, UnreviewedAppRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRule, AttestationDueRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRule, ManagersRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRule, BrandNameRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRule, BrandImageRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRule, BrandWebsiteRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRule, PolicyLinkRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRule, ContactsRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRule, StaleAccountRule>());
        services.TryAddSingleton<RuleSet>();
        return services;
    }
}
