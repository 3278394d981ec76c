namespace SocialMonitor.Core.Notifications;

/// <summary>
/// An email could not be sent. <see cref="Permanent"/> failures (refused credential, missing permission, unknown
/// mailbox, bad request) will not heal by waiting: the outbox gives up at once and raises a capture finding.
/// </summary>
public sealed class MailDeliveryException : Exception
{
    public MailDeliveryException()
    {
    }

    public MailDeliveryException(string message) : base(message)
    {
    }

    public MailDeliveryException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public MailDeliveryException(string message, bool permanent, Exception? innerException = null) : base(message, innerException) =>
        Permanent = permanent;

    public bool Permanent { get; }

    /// <summary>The request reached Graph and may have been accepted (a timeout, a 5xx): the next attempt is marked as a possible duplicate.</summary>
    public bool MayHaveBeenSent { get; init; }
}
