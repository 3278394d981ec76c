namespace SocialMonitor.Core.Accounts;

/// <summary>Location ids that are not in the accounts file.</summary>
public static class Locations
{
    /// <summary>The district as a whole: findings about no one location (a dead message of no account, failed mail to no one) go here, to the coordinator.</summary>
    public const string District = "district";
}
