using Microsoft.Extensions.Options;

namespace SocialMonitor.Core.Notifications;

/// <summary>
/// <c>Mail__Mode=Files</c>: writes each email as <c>{id}.eml</c> (MIME, text and HTML parts) in <c>Mail__Directory</c>.
/// The file is written whole then moved into place, so a crash leaves no half email; sending again replaces it.
/// </summary>
public sealed class FileNotificationSender(IOptions<MailOptions> options) : INotificationSender
{
    public string Describe() => $"files in {Path.GetFullPath(options.Value.Directory)}";

    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(options.Value.Directory);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{notification.Id}.eml");
        var partial = path + ".partial";
        await File.WriteAllBytesAsync(partial, await MimeEmail.ToBytesAsync(notification, options.Value.From, cancellationToken), cancellationToken);
        File.Move(partial, path, overwrite: true);
    }
}
