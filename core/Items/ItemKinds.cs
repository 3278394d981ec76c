namespace SocialMonitor.Core.Items;

public static class ItemKinds
{
    public const string Post = "post";
    public const string Comment = "comment";
    public const string Reply = "reply";
    public const string Profile = "profile";
    public const string Role = "role";
    public const string App = "app";
}
