using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Queues;
using SocialMonitor.Core.Rules.Conduct;
using SocialMonitor.Core.Rules.Governance;

namespace SocialMonitor.Core.Notifications;

/// <summary>
/// Who hears of a finding: the managers of its account's location; the coordinator for <c>capture</c> and
/// <c>governance</c> findings, for a location without managers, and for every finding about a staff member's personal
/// account; both the location's managers and the coordinator for the governance findings about access and attestations
/// (unapproved access, access ended, an access review or an attestation due). Each person's <c>notify</c> preference for the
/// finding's severity says at once, in the digest, or not at all. A <c>conduct.self-harm</c> finding (a guest who may be at
/// risk) goes to the coordinator alone, at once, whatever the preferences: never to the location's managers.
/// </summary>
public sealed class NotificationRouter(AccountRegistry registry)
{
    /// <summary>The governance findings a location's managers act on (who has access, what they attested), which the coordinator hears of too.</summary>
    private static readonly HashSet<string> s_managersAndCoordinator =
    [
        UnapprovedAccessRule.Rule, AccessEndedRule.Rule, AccessReviewDueRule.Rule, AttestationDueRule.Rule,
    ];

    public async Task<IReadOnlyList<Route>> RouteAsync(Finding finding, CancellationToken cancellationToken) =>
        finding.Rule == ConductRule.SelfHarm ? [new Route(await CoordinatorAsync(cancellationToken), NotifyPreferences.Immediate)] :
        [.. (await PeopleAsync(finding, cancellationToken))
            .Select(p => new Route(p, p.Notify.For(finding.Severity)))
            .Where(r => r.Delivery is NotifyPreferences.Immediate or NotifyPreferences.Digest)];

    public async Task<IReadOnlyList<Person>> PeopleAsync(Finding finding, CancellationToken cancellationToken)
    {
        if (s_managersAndCoordinator.Contains(finding.Rule))
        {
            var coordinator = await CoordinatorAsync(cancellationToken);
            var managers = (await registry.GetLocationAsync(finding.Location, cancellationToken))?.Managers ?? [];
            return [.. managers.Where(m => !string.Equals(m.Email, coordinator.Email, StringComparison.OrdinalIgnoreCase)), coordinator];
        }
        if (finding.Family is not ("capture" or "governance") && finding.Rule != ConductRule.SelfHarm
            && !await PersonalAsync(finding, cancellationToken)
            && await registry.GetLocationAsync(finding.Location, cancellationToken) is { Managers.Count: > 0 } location)
        {
            return location.Managers;
        }
        return [await CoordinatorAsync(cancellationToken)];
    }

    /// <summary>A finding about a staff member's personal account: the coordinator's alone, never a manager's email or digest.</summary>
    private async Task<bool> PersonalAsync(Finding finding, CancellationToken cancellationToken) =>
        finding.Account is { } account && (await registry.GetAccountAsync(account, cancellationToken))?.Personal == true;

    /// <summary>The coordinator, or null before the accounts file was imported.</summary>
    public Task<Person?> FindCoordinatorAsync(CancellationToken cancellationToken) => registry.GetCoordinatorAsync(cancellationToken);

    public async Task<Person> CoordinatorAsync(CancellationToken cancellationToken) =>
        await registry.GetCoordinatorAsync(cancellationToken)
        ?? throw new InvalidOperationException("The registry has no coordinator, so there is nobody to email: import the accounts file (socialmonitor accounts import).");

    /// <summary>Every person in the registry by email (the coordinator and each manager), with their current preferences.</summary>
    public async Task<IReadOnlyDictionary<string, Person>> PeopleByEmailAsync(CancellationToken cancellationToken)
    {
        var people = new Dictionary<string, Person>(StringComparer.OrdinalIgnoreCase);
        foreach (var manager in (await registry.ListLocationsAsync(cancellationToken)).SelectMany(l => l.Managers))
        {
            people[manager.Email] = manager;
        }
        if (await registry.GetCoordinatorAsync(cancellationToken) is { } coordinator)
        {
            people[coordinator.Email] = coordinator;
        }
        return people;
    }

    /// <summary>Location names by id, for subjects and headings; findings about the monitor itself sit under "District".</summary>
    public async Task<IReadOnlyDictionary<string, string>> LocationNamesAsync(CancellationToken cancellationToken)
    {
        var names = (await registry.ListLocationsAsync(cancellationToken)).ToDictionary(l => l.Id, l => l.Name, StringComparer.Ordinal);
        names.TryAdd(Locations.District, "District");
        return names;
    }
}
