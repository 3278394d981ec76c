using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Queues;

namespace SocialMonitor.Core.Api;

/// <summary>
/// The locations a caller may see: every registered one and the district's own for the coordinator; a manager's own.
/// Within them a manager never sees a staff member's personal account's findings or items (<see cref="HiddenAccountsAsync"/>):
/// those are the coordinator's only.
/// </summary>
public sealed class VisibleLocations(AccountRegistry registry)
{
    public async Task<IReadOnlyList<string>> ForAsync(ApiCaller caller, CancellationToken cancellationToken) =>
        [.. (await AllAsync(cancellationToken)).Where(caller.MaySee)];

    /// <summary>Every location there is: the registered ones and the district's own.</summary>
    public async Task<IReadOnlyList<string>> AllAsync(CancellationToken cancellationToken) =>
        [.. (await registry.ListLocationsAsync(cancellationToken)).Select(l => l.Id).Append(Locations.District)];

    /// <summary>The accounts whose findings and items the caller may not see: none for the coordinator, the personal accounts for a manager.</summary>
    public async Task<IReadOnlySet<string>> HiddenAccountsAsync(ApiCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.IsCoordinator
            ? new HashSet<string>(StringComparer.Ordinal)
            : (await registry.ListAccountsAsync(cancellationToken)).Where(a => IsHidden(caller, a)).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Whether the account is hidden from the caller whatever its location: a staff member's personal account from a manager.</summary>
    public static bool IsHidden(ApiCaller caller, Account account)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(account);
        return !caller.IsCoordinator && account.Personal;
    }
}
