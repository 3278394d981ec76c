namespace SocialMonitor.Core.Notifications;

/// <summary>Delivers an email: <c>Files</c> (.eml in <c>Mail__Directory</c>) or, later, Microsoft Graph.</summary>
public interface INotificationSender
{
    Task SendAsync(Notification notification, CancellationToken cancellationToken);
}
