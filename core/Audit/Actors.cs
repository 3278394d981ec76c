namespace SocialMonitor.Core.Audit;

/// <summary>Actors that are not people.</summary>
public static class Actors
{
    /// <summary>
    /// The monitor itself: the actor of the status changes it makes (resolve after an edit, reopen, escalate), and the
    /// platform of its findings about its own machinery (a dead queue message, an email that could not be sent).
    /// </summary>
    public const string System = "system";
}
