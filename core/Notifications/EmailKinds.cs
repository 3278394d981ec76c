namespace SocialMonitor.Core.Notifications;

/// <summary>What an email is: sent at once, a person's daily digest, an escalation to the coordinator, or a test.</summary>
public static class EmailKinds
{
    public const string Immediate = "immediate";
    public const string Digest = "digest";
    public const string Escalation = "escalation";
    public const string Test = "test";
}
