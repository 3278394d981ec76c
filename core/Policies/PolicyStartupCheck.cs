using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SocialMonitor.Core.Policies;

/// <summary>
/// Loads the policy when the host starts, so that a bad <c>policy.json</c> stops the app at once with its path, field
/// and reason instead of failing every evaluation later.
/// </summary>
public sealed partial class PolicyStartupCheck(IServiceProvider services, PolicySource source, ILogger<PolicyStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var policy = services.GetRequiredService<Policy>();
        LogLoaded(logger, source.Location, policy.OwnDomains.Count, policy.Lists.Count);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Policy loaded from {Location}: {OwnDomains} own domains, {Lists} lists")]
    private static partial void LogLoaded(ILogger logger, string location, int ownDomains, int lists);
}
