namespace SocialMonitor.Core.Storage;

public static class ContainerNames
{
    /// <summary>Claim checks: queue messages too large for a queue (64 KiB) go here and the message names the blob.</summary>
    public const string ClaimChecks = "claim-checks";

    /// <summary>Bodies of messages that went to a poison queue, kept so that nothing is lost.</summary>
    public const string DeadLetters = "dead-letters";

    /// <summary>The record: every platform answer (tokens scrubbed, named by its SHA-256), a daily log of them, and every item version.</summary>
    public const string Archive = "archive";
}
