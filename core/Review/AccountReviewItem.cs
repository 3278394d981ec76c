using System.Globalization;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Rules.Governance;

namespace SocialMonitor.Core.Review;

/// <summary>
/// The daily review's items, made from the registry and the record without I/O. An account's item (kind <c>account</c>,
/// id the registry account id) carries, in <see cref="Item.Facts"/>: the latest profile item's facts under their own
/// names, <c>lastOfficialPostAt</c> (absent when none is known; then <c>noOfficialPostSince</c>, when the posts were read to the end), the registry record, the coordinator, what the platform
/// cannot verify, and each role and app (names in <see cref="AccountFacts"/>). Its text names only the account and the
/// day, so no content rule reads the profile a second time, and each day's review is a version of its own: a finding
/// resolved one day and raised by a later review is reopened.
/// </summary>
public static class AccountReviewItem
{
    public static Item For(Account account, DateOnly day, Person? coordinator, ReviewRecord record, PlatformCapabilities capabilities, IReadOnlyList<Account> registered)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(capabilities);
        var facts = new Dictionary<string, string>(record.Profile?.Facts ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        if (record.LastOfficialPostAt is { } last)
        {
            facts[AccountFacts.LastOfficialPostAt] = AccountFacts.Time(last);
        }
        else if (record.PostsReadSince is { } since)
        {
            facts[ProfileFacts.NoOfficialPostSince] = AccountFacts.Time(since);
        }
        facts[AccountFacts.Platform] = account.Platform;
        facts[AccountFacts.PlatformId] = account.PlatformId;
        facts[AccountFacts.Location] = account.Location;
        if (account.Handle is { } handle)
        {
            facts[AccountFacts.Handle] = handle;
        }
        if (coordinator is not null)
        {
            facts[AccountFacts.CoordinatorEmail] = coordinator.Email;
            facts[AccountFacts.CoordinatorName] = coordinator.Name;
        }
        foreach (var (fact, platform) in AccountFacts.LinkedAccountFacts)
        {
            if (facts.GetValueOrDefault(fact) is { Length: > 0 } linked
                && registered.FirstOrDefault(a => a.Platform == platform && a.PlatformId == linked) is { } known)
            {
                facts[AccountFacts.Registered(fact)] = known.Id;
            }
        }
        facts[AccountFacts.CannotVerify] = string.Join(", ", AccountFacts.Attestable(
            capabilities[PlatformCapabilities.Roles] == CapabilityState.Supported && record.RolesRead != AccountFacts.Refused,
            capabilities[PlatformCapabilities.Apps] == CapabilityState.Supported && record.AppsRead != AccountFacts.Refused));
        if (record.RolesRead is { } rolesRead)
        {
            facts[AccountFacts.Roles] = rolesRead;
        }
        if (record.AppsRead is { } appsRead)
        {
            facts[AccountFacts.Apps] = appsRead;
        }
        foreach (var role in record.Roles)
        {
            var userId = role.Facts?.GetValueOrDefault("userId") ?? role.Author?.Id ?? role.Id;
            facts[AccountFacts.RoleName(userId)] = role.Facts?.GetValueOrDefault("name") ?? role.Author?.Name ?? "";
            facts[AccountFacts.RoleTasks(userId)] = role.Facts?.GetValueOrDefault("tasks") ?? "";
        }
        foreach (var app in record.Apps)
        {
            facts[AccountFacts.App(app.Facts?.GetValueOrDefault("appId") ?? app.Author?.Id ?? app.Id)] = app.Facts?.GetValueOrDefault("name") ?? app.Author?.Name ?? "";
        }
        return new Item
        {
            Id = account.Id,
            Platform = account.Platform,
            Account = account.Id,
            Kind = ItemKinds.Account,
            Origin = ItemOrigins.Official,
            Author = new ItemAuthor(account.PlatformId, record.Profile?.Author?.Name ?? account.Handle),
            Text = string.Create(CultureInfo.InvariantCulture, $"Daily account review of {account.Id} ({account.Platform}) on {day:yyyy-MM-dd}."),
            Permalink = record.Profile?.Permalink,
            Facts = facts,
        };
    }

    /// <summary>A location's item (kind <c>location</c>, platform <c>registry</c>, id the location id): its name and how many managers it has.</summary>
    public static Item For(Location location, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(location);
        return new Item
        {
            Id = location.Id,
            Platform = ManagersRule.Platform,
            Kind = ItemKinds.Location,
            Origin = ItemOrigins.Official,
            Text = string.Create(CultureInfo.InvariantCulture, $"Daily review of the location {location.Id} on {day:yyyy-MM-dd}."),
            Facts = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [ManagersRule.NameFact] = location.Name,
                [ManagersRule.ManagersFact] = location.Managers.Count.ToString(CultureInfo.InvariantCulture),
            },
        };
    }
}
