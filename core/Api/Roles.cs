namespace SocialMonitor.Core.Api;

public static class Roles
{
    public const string Coordinator = "Coordinator";
    public const string Manager = "Manager";
}
