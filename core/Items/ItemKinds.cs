namespace SocialMonitor.Core.Items;

public static class ItemKinds
{
    public const string Post = "post";
    public const string Comment = "comment";
    public const string Reply = "reply";
    public const string Profile = "profile";
    public const string Role = "role";
    public const string App = "app";

    /// <summary>An account as the daily account review sees it: the latest profile's facts and when it last posted.</summary>
    public const string Account = "account";
}
