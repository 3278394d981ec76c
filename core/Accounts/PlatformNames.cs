namespace SocialMonitor.Core.Accounts;

public static class PlatformNames
{
    public const string Facebook = "facebook";
    public const string Instagram = "instagram";
    public const string X = "x";
    public const string YouTube = "youtube";
    public const string LinkedIn = "linkedin";

    public static readonly IReadOnlyList<string> All = [Facebook, Instagram, X, YouTube, LinkedIn];
}
