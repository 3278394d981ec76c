namespace SocialMonitor.Core.Approvals;

/// <summary>
/// The kinds of approval, as the routes (<c>/api/approvals/{kind}</c>) and <c>approvals --kind</c> name them, with the
/// table partition each is stored in, the levels of an access approval and the facts an attestation may state.
/// </summary>
public static class ApprovalKinds
{
    /// <summary>A link destination beyond .edu, .gov and the library's own domain (Linking to external websites 1).</summary>
    public const string Links = "links";

    /// <summary>An official account approved by the coordinator (Staff use 3).</summary>
    public const string Accounts = "accounts";

    /// <summary>A person's role on one account (Staff use 3, 4).</summary>
    public const string Access = "access";

    /// <summary>A third-party app allowed on one account or on all (Staff use 6).</summary>
    public const string Apps = "apps";

    /// <summary>A manager's statement of a fact the platform cannot show, for one account (Staff use 3, 4, 6).</summary>
    public const string Attestations = "attestations";

    public static readonly IReadOnlyList<string> All = [Links, Accounts, Access, Apps, Attestations];

    /// <summary>The role of a login several people share: administrator-level, approved by the coordinator only.</summary>
    public const string SharedLogin = "SHARED_LOGIN";

    public const string Administrator = "administrator";
    public const string Editor = "editor";
    public const string Analyst = "analyst";

    public static readonly IReadOnlyList<string> Levels = [Administrator, Editor, Analyst];

    /// <summary>What an attestation states: who holds roles, which apps are connected, which outside groups were joined.</summary>
    public static readonly IReadOnlyList<string> Facts = ["roles", "apps", "groups"];

    /// <summary>The table partition of a kind; <c>link</c> for links, as it always was.</summary>
    public static string Partition(string kind) => kind switch
    {
        Links => "link",
        Accounts => "account",
        Apps => "app",
        Attestations => "attestation",
        _ => kind,
    };

    /// <summary>The prefix of a new approval's id (<c>link-</c>, <c>account-</c>, ...).</summary>
    public static string IdPrefix(string kind) => Partition(kind) + "-";

    /// <summary>Kinds a manager may see, add and revoke for their own locations; every other kind is the coordinator's.</summary>
    public static bool ManagerMay(string kind) => kind is Access or Attestations;
}
