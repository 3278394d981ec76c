namespace SocialMonitor.Core.Storage;

public static class ContainerNames
{
    /// <summary>Claim checks: queue messages too large for a queue (64 KiB) go here and the message names the blob.</summary>
    public const string ClaimChecks = "claim-checks";
}
