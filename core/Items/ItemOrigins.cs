namespace SocialMonitor.Core.Items;

public static class ItemOrigins
{
    public const string Official = "official";
    public const string Guest = "guest";
}
