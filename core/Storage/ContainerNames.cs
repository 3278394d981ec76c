namespace SocialMonitor.Core.Storage;

public static class ContainerNames
{
    /// <summary>Claim checks: queue messages too large for a queue (64 KiB) go here and the message names the blob.</summary>
    public const string ClaimChecks = "claim-checks";

    /// <summary>Bodies of messages that went to a poison queue, kept so that nothing is lost.</summary>
    public const string DeadLetters = "dead-letters";

    /// <summary>Every email as rendered (MIME, text and HTML), archived before it is first sent.</summary>
    public const string MailArchive = "mail-archive";
    /// <summary>Each item version that raised a finding, as the rules saw it: shown with the finding by the API.</summary>
    public const string FindingItems = "finding-items";
    /// <summary>The record: every platform answer (tokens scrubbed, named by its SHA-256), a daily log of them, every item version, and the classifier's answer for each item version it classified.</summary>
    public const string Archive = "archive";
}
