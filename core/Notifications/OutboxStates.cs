namespace SocialMonitor.Core.Notifications;

/// <summary>An email's way through the outbox: pending → sending → sent; failed after the last try (a capture finding says so).</summary>
public static class OutboxStates
{
    public const string Pending = "pending";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Failed = "failed";
}
