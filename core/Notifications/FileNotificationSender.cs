using Microsoft.Extensions.Options;
using MimeKit;

namespace SocialMonitor.Core.Notifications;

/// <summary>
/// <c>Mail__Mode=Files</c>: writes each email as <c>{id}.eml</c> (MIME, text and HTML parts) in <c>Mail__Directory</c>.
/// The file is written whole then moved into place, so a crash leaves no half email; sending again replaces it.
/// </summary>
public sealed class FileNotificationSender(IOptions<MailOptions> options, TimeProvider time) : INotificationSender
{
    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var message = new MimeMessage
        {
            Subject = notification.Subject,
            Date = time.GetUtcNow(),
            MessageId = $"{notification.Id}@socialmonitor.local",
            Body = new BodyBuilder { TextBody = notification.Text, HtmlBody = notification.Html }.ToMessageBody(),
        };
        if (message.Body is Multipart multipart)
        {
            multipart.Boundary = $"=-{notification.Id}"; // Deterministic, so the same email is the same file.
        }
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.AddRange(notification.To.Select(p => new MailboxAddress(p.Name, p.Email)));

        var directory = Path.GetFullPath(settings.Directory);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{notification.Id}.eml");
        var partial = path + ".partial";
        await message.WriteToAsync(partial, cancellationToken);
        File.Move(partial, path, overwrite: true);
    }
}
