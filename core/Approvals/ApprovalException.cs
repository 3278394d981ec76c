namespace SocialMonitor.Core.Approvals;

/// <summary>Why <see cref="ApprovalService"/> refused a change: the API answers 400, 403 or 404, the command line prints the message.</summary>
public sealed class ApprovalException : Exception
{
    public ApprovalException(ApprovalRefusal refusal, string message)
        : base(message) => Refusal = refusal;

    public ApprovalException()
        : this(ApprovalRefusal.Invalid, "The approval is not valid.")
    {
    }

    public ApprovalException(string message)
        : this(ApprovalRefusal.Invalid, message)
    {
    }

    public ApprovalException(string message, Exception innerException)
        : base(message, innerException) => Refusal = ApprovalRefusal.Invalid;

    public ApprovalRefusal Refusal { get; }
}
