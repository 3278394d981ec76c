using SocialMonitor.Core.Accounts;

namespace SocialMonitor.Core.Notifications;

/// <summary>
/// One rendered email. <see cref="Id"/> is deterministic (<see cref="EmailIds"/>), so sending the same notification
/// again replaces rather than adds; <see cref="Date"/> is when it was composed.
/// </summary>
public sealed record Notification(string Id, IReadOnlyList<Person> To, string Subject, string Text, string Html, DateTimeOffset Date)
{
    /// <summary>Who a reply reaches: the coordinator, who records what was done.</summary>
    public Person? ReplyTo { get; init; }
}
