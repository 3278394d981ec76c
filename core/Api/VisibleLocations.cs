using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Queues;

namespace SocialMonitor.Core.Api;

/// <summary>The locations a caller may see: every registered one and the district's own for the coordinator; a manager's own.</summary>
public sealed class VisibleLocations(AccountRegistry registry)
{
    public async Task<IReadOnlyList<string>> ForAsync(ApiCaller caller, CancellationToken cancellationToken) =>
        [.. (await AllAsync(cancellationToken)).Where(caller.MaySee)];

    /// <summary>Every location there is: the registered ones and the district's own.</summary>
    public async Task<IReadOnlyList<string>> AllAsync(CancellationToken cancellationToken) =>
        [.. (await registry.ListLocationsAsync(cancellationToken)).Select(l => l.Id).Append(Locations.District)];
}
