namespace SocialMonitor.Core.Approvals;

public enum ApprovalRefusal
{
    /// <summary>A field is wrong (the message names it).</summary>
    Invalid,

    /// <summary>The caller may not make this change (a manager and an administrator-level role, an account, an app or a link).</summary>
    Forbidden,

    /// <summary>No such approval, or one of a location the caller does not manage.</summary>
    NotFound,

    /// <summary>The caller sent no version of the approval (the API's If-Match), so the change could act on one they did not see.</summary>
    PreconditionRequired,

    /// <summary>The approval changed since the caller read it (its ETag is not the one they sent).</summary>
    Stale,
}
