using SocialMonitor.Core.Accounts;

namespace SocialMonitor.Core.Notifications;

/// <summary>One email. <see cref="Id"/> is deterministic, so sending the same notification again replaces rather than adds.</summary>
public sealed record Notification(string Id, IReadOnlyList<Person> To, string Subject, string Text, string Html);
