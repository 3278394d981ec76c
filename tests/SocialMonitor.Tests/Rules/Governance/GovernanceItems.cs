using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Approvals;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Review;
using SocialMonitor.Core.Rules;
using SocialMonitor.Tests.Support;

namespace SocialMonitor.Tests.Rules.Governance;

/// <summary>Daily review items made by the real <see cref="AccountReviewItem"/>, and approvals of each kind, for the governance rules' tests.</summary>
internal static class GovernanceItems
{
    /// <summary>11:00 on 2026-10-15 in the library's time zone.</summary>
    public static readonly DateTimeOffset Now = new(2026, 10, 15, 18, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 10, 15);

    public static readonly Policy Policy = TestPolicy.Default with
    {
        Approvals = new ApprovalPolicy
        {
            RoleLevels = new Dictionary<string, IReadOnlyDictionary<string, string>>
            {
                ["facebook"] = new Dictionary<string, string>
                {
                    ["MANAGE"] = "administrator", ["CREATE_CONTENT"] = "editor", ["MODERATE"] = "editor", ["ANALYZE"] = "analyst",
                },
                ["linkedin"] = new Dictionary<string, string> { ["ADMINISTRATOR"] = "administrator", ["CURATOR"] = "editor" },
            },
        },
    };

    public static readonly Person Coordinator = new() { Name = "Jordan Avery", Email = "coordinator@example.org" };

    public static readonly Account Facebook = Account("cln-hayden-fb", "facebook", "104000000000003");
    public static readonly Account Instagram = Account("cln-hayden-ig", "instagram", "17841400000000003");
    public static readonly Account X = Account("cln-hayden-x", "x", "1580000000000000003");
    public static readonly Account LinkedIn = Account("cln-district-li", "linkedin", "urn:li:organization:1");

    public static Account Account(string id, string platform, string platformId) =>
        new() { Id = id, Platform = platform, PlatformId = platformId, Location = "hayden", Token = id + "-token" };

    /// <summary>Roles and apps shown (Facebook, LinkedIn's roles), or "cannot verify" (X, YouTube and Instagram roles; apps beyond Facebook).</summary>
    public static PlatformCapabilities Capabilities(bool roles, bool apps) => new(PlatformCapabilities.Names.ToDictionary(
        n => n, n => (n == PlatformCapabilities.Roles && !roles) || (n == PlatformCapabilities.Apps && !apps) ? CapabilityState.CannotVerify : CapabilityState.Supported));

    public static Item Role(string userId, string name, params string[] tasks) => new()
    {
        Id = $"104000000000003/roles/{userId}", Platform = "facebook", Account = Facebook.Id, Kind = ItemKinds.Role, Origin = ItemOrigins.Official,
        Facts = new Dictionary<string, string> { ["userId"] = userId, ["name"] = name, ["tasks"] = string.Join(", ", tasks) },
    };

    public static Item App(string id, string name) => new()
    {
        Id = $"104000000000003/subscribed_apps/{id}", Platform = "facebook", Account = Facebook.Id, Kind = ItemKinds.App, Origin = ItemOrigins.Official,
        Facts = new Dictionary<string, string> { ["appId"] = id, ["name"] = name, ["subscribedFields"] = "feed" },
    };

    public static Item Profile(params (string Name, string Value)[] facts) => new()
    {
        Id = "104000000000003", Platform = "facebook", Account = Facebook.Id, Kind = ItemKinds.Profile, Origin = ItemOrigins.Official,
        Facts = facts.ToDictionary(f => f.Name, f => f.Value),
    };

    /// <summary>A Facebook Page's review: the coordinator an administrator, roles and apps read, unless the record says otherwise.</summary>
    public static Item ReviewItem(ReviewRecord? record = null, Account? account = null, IReadOnlyList<Account>? registered = null)
    {
        account ??= Facebook;
        var shows = account.Platform is "facebook" or "linkedin";
        record ??= new ReviewRecord
        {
            Roles = [Role("100", "Jordan Avery", "ANALYZE", "MODERATE", "CREATE_CONTENT", "MANAGE")],
            RolesRead = shows ? "read" : null,
            AppsRead = account.Platform == "facebook" ? "read" : null,
        };
        return AccountReviewItem.For(account, Today, Coordinator, record, Capabilities(roles: shows, apps: account.Platform == "facebook"), registered ?? [account]);
    }

    public static RuleContext Context(params Approval[] approvals) => new(Now, Policy) { Location = "hayden", Approvals = approvals };

    public static Approval AccountApproval(Account? account = null) => new()
    {
        Kind = ApprovalKinds.Accounts, Id = "account-1", Value = (account ?? Facebook).Id, Scope = (account ?? Facebook).Id,
        Approver = Coordinator.Email, Date = new DateOnly(2026, 1, 5),
    };

    public static Approval Access(string person, string role, string level, string email = "alex.rivera@example.org", Account? account = null) => new()
    {
        Kind = ApprovalKinds.Access, Id = "access-" + person.Replace(' ', '-').ToLowerInvariant(), Value = email, Scope = (account ?? Facebook).Id,
        Person = person, Role = role, Level = level, Approver = Coordinator.Email, Date = new DateOnly(2026, 6, 1), ReviewOn = new DateOnly(2026, 12, 1),
    };

    public static Approval AppApproval(string id, string scope = "cln-hayden-fb") => new()
    {
        Kind = ApprovalKinds.Apps, Id = "app-" + id, Value = id, AppName = "Hootsuite", Scope = scope, Approver = Coordinator.Email, Date = new DateOnly(2026, 6, 1),
    };

    public static Approval Attestation(string fact, DateOnly due, Account? account = null) => new()
    {
        Kind = ApprovalKinds.Attestations, Id = $"attestation-{fact}-{due:yyyyMMdd}", Value = fact, Scope = (account ?? Facebook).Id,
        Statement = "Checked on the platform.", ReviewOn = due, Approver = "alex.rivera@example.org", Date = new DateOnly(2026, 9, 1),
    };

    public static readonly DateTimeOffset Revoked = new(2026, 10, 1, 16, 0, 0, TimeSpan.Zero);
}
