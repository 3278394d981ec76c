using SocialMonitor.Core.Policies;

namespace SocialMonitor.Tests.Support;

/// <summary>CLN's shipped <c>policy/policy.json</c> with its term lists, as copied to the test output; loaded once.</summary>
internal static class ShippedPolicy
{
    private static readonly Lazy<Policy> s_policy = new(() => PolicyLoader.Load(Path.Combine(AppContext.BaseDirectory, "policy", "policy.json")));

    public static Policy Value => s_policy.Value;
}
