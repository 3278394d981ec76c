namespace SocialMonitor.Core.Notifications;

/// <summary>Delivers an email: <c>Files</c> (.eml in <c>Mail__Directory</c>) or <c>Graph</c> (Microsoft Graph sendMail).</summary>
public interface INotificationSender
{
    /// <summary>Sends once. A failure is a <see cref="MailDeliveryException"/> that says whether trying again can help.</summary>
    Task SendAsync(Notification notification, CancellationToken cancellationToken);

    /// <summary>Where email goes, for people (<c>notify test</c>): never a secret.</summary>
    string Describe();
}
