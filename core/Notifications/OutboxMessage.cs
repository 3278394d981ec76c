namespace SocialMonitor.Core.Notifications;

/// <summary>The <c>send-email</c> queue message: which outbox row to send. Delivered twice, it sends once.</summary>
public sealed record OutboxMessage(string EmailId);
