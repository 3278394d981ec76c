using MimeKit;
using SocialMonitor.Core.Accounts;

namespace SocialMonitor.Core.Notifications;

/// <summary>
/// An email as MIME (text and HTML alternatives): what the <c>Files</c> sender writes and what the outbox archives in
/// Blob Storage. The message id and part boundary come from the email's id, so the same email is the same bytes.
/// </summary>
public static class MimeEmail
{
    public const string IdHeader = "X-SocialMonitor-Id";

    public static MimeMessage Build(Notification email, string from)
    {
        var message = new MimeMessage
        {
            Subject = email.Subject,
            Date = email.Date,
            MessageId = $"{email.Id}@socialmonitor.local",
            Body = new BodyBuilder { TextBody = email.Text, HtmlBody = email.Html }.ToMessageBody(),
        };
        if (message.Body is Multipart multipart)
        {
            multipart.Boundary = $"=-{email.Id}";
        }
        // Quoted-printable keeps every line within 76 characters (servers fold or refuse lines over 998) and the text readable.
        foreach (var part in message.BodyParts.OfType<MimePart>())
        {
            part.ContentTransferEncoding = ContentEncoding.QuotedPrintable;
        }
        if (email.ReplyTo is { } replyTo)
        {
            message.ReplyTo.Add(new MailboxAddress(replyTo.Name == replyTo.Email ? "" : replyTo.Name, replyTo.Email));
        }
        message.Headers.Add(IdHeader, email.Id);
        message.From.Add(MailboxAddress.Parse(from));
        message.To.AddRange(email.To.Select(p => new MailboxAddress(p.Name == p.Email ? "" : p.Name, p.Email)));
        return message;
    }

    public static async Task<byte[]> ToBytesAsync(Notification email, string from, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        await Build(email, from).WriteToAsync(stream, cancellationToken);
        return stream.ToArray();
    }

    private static Person ToPerson(MailboxAddress m) => new() { Name = string.IsNullOrEmpty(m.Name) ? m.Address : m.Name, Email = m.Address };

    public static async Task<Notification> ParseAsync(Stream stream, CancellationToken cancellationToken)
    {
        var message = await MimeMessage.LoadAsync(stream, cancellationToken);
        return new Notification(
            message.Headers[IdHeader] ?? message.MessageId?.Split('@')[0] ?? "",
            [.. message.To.Mailboxes.Select(ToPerson)],
            message.Subject ?? "",
            message.TextBody ?? "",
            message.HtmlBody ?? "",
            message.Date)
        {
            ReplyTo = message.ReplyTo.Mailboxes.Select(ToPerson).FirstOrDefault(),
        };
    }
}
