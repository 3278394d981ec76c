namespace SocialMonitor.Core.Items;

public static class ItemKinds
{
    public const string Post = "post";
    public const string Comment = "comment";
    public const string Reply = "reply";
    public const string Profile = "profile";
    public const string Role = "role";
    public const string App = "app";

    /// <summary>The daily account review's item of one registered account (id the account id; docs/architecture.md, "The daily account review").</summary>
    public const string Account = "account";

    /// <summary>The daily account review's item of one location of the registry (id the location id): its managers.</summary>
    public const string Location = "location";

    /// <summary>An item the daily account review makes from the registry and the record, not one read from a platform.</summary>
    public static bool IsReview(string kind) => kind is Account or Location;
}
