using System.Globalization;
using SocialMonitor.Core.Items;

namespace SocialMonitor.Core.Rules.Governance;

/// <summary>
/// The names of the facts of a daily review item (kind <c>account</c>) and how the governance rules read them back. The
/// review writes them (<c>AccountReviewItem</c>); besides these, the item carries the latest profile item's facts under
/// the profile's own names (<c>name</c>, <c>website</c>, <c>instagramAccount</c>…). Keys with a colon are never a
/// profile's, so roles and apps cannot collide with them (docs/architecture.md, "The daily account review").
/// </summary>
public static class AccountFacts
{
    /// <summary>ISO 8601 UTC of the latest official post or item the monitor stored for the account; absent when none is known.</summary>
    public const string LastOfficialPostAt = "lastOfficialPostAt";

    public const string Platform = "account:platform";
    public const string PlatformId = "account:platformId";
    public const string Handle = "account:handle";
    public const string Location = "account:location";

    /// <summary>The coordinator's email and name, as the registry has them (absent before the accounts file is imported).</summary>
    public const string CoordinatorEmail = "coordinator:email";
    public const string CoordinatorName = "coordinator:name";

    /// <summary>The facts the platform cannot show for this account, comma-separated (<c>roles</c>, <c>apps</c>, <c>groups</c>).</summary>
    public const string CannotVerify = "cannotVerify";

    /// <summary>How the roles were last read: <see cref="Read"/>, <see cref="Refused"/>; absent when never read (unknown).</summary>
    public const string Roles = "roles:read";

    /// <summary>How the apps were last read: <see cref="Read"/>, <see cref="Refused"/>; absent when never read (unknown).</summary>
    public const string Apps = "apps:read";

    public const string Read = "read";
    public const string Refused = "refused";

    /// <summary>The role of one person: <c>role:{userId}</c> their name, <c>role:{userId}:tasks</c> the roles or tasks they hold.</summary>
    public static string RoleName(string userId) => "role:" + userId;

    public static string RoleTasks(string userId) => "role:" + userId + ":tasks";

    /// <summary>One connected app: <c>app:{appId}</c> its name.</summary>
    public static string App(string appId) => "app:" + appId;

    /// <summary>For a profile fact that names a linked account (<see cref="LinkedAccountFacts"/>): the registered account's id, absent when not registered.</summary>
    public static string Registered(string fact) => fact + ":registered";

    /// <summary>
    /// Profile facts that name another account the platform shows linked to this one, and that account's platform: the
    /// Instagram professional account in a Facebook Page's <c>instagram_business_account</c>.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> LinkedAccountFacts = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["instagramAccount"] = "instagram",
    };

    /// <summary>What an attestation may state and the review lists as cannot verify: roles, apps, outside groups.</summary>
    public const string RolesFact = "roles";
    public const string AppsFact = "apps";
    public const string GroupsFact = "groups";

    /// <summary>
    /// The facts a manager attests for an account (the review's <see cref="CannotVerify"/>, the health screen's list):
    /// roles and apps where the platform does not show them or refused them, and outside groups always (no platform's API
    /// shows the groups an account joined).
    /// </summary>
    public static IReadOnlyList<string> Attestable(bool rolesShown, bool appsShown) =>
        [.. rolesShown ? [] : new[] { RolesFact }, .. appsShown ? [] : new[] { AppsFact }, GroupsFact];

    public static string? Get(Item item, string name) => item.Facts?.GetValueOrDefault(name);

    /// <summary>The roles the account item lists, by user id in ordinal order.</summary>
    public static IReadOnlyList<HeldRole> HeldRoles(Item item) =>
        [.. (item.Facts ?? new Dictionary<string, string>())
            .Where(f => f.Key.StartsWith("role:", StringComparison.Ordinal) && !f.Key.EndsWith(":tasks", StringComparison.Ordinal) && f.Key != Roles)
            .Select(f => f.Key["role:".Length..])
            .Order(StringComparer.Ordinal)
            .Select(id => new HeldRole(id, item.Facts![RoleName(id)],
                [.. (Get(item, RoleTasks(id)) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]))];

    /// <summary>The apps the account item lists, by app id in ordinal order.</summary>
    public static IReadOnlyList<(string Id, string Name)> ConnectedApps(Item item) =>
        [.. (item.Facts ?? new Dictionary<string, string>())
            .Where(f => f.Key.StartsWith("app:", StringComparison.Ordinal) && f.Key != Apps)
            .Select(f => (Id: f.Key["app:".Length..], Name: f.Value))
            .OrderBy(a => a.Id, StringComparer.Ordinal)];

    public static IReadOnlyList<string> CannotVerifyFacts(Item item) =>
        [.. (Get(item, CannotVerify) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
