namespace SocialMonitor.Core.Records;

/// <summary>A hold change <see cref="LegalHoldService"/> refused, with the reason in words (it names the field).</summary>
public sealed class LegalHoldException : Exception
{
    public LegalHoldException(LegalHoldRefusal refusal, string message)
        : base(message) => Refusal = refusal;

    public LegalHoldException()
        : this(LegalHoldRefusal.Invalid, "The legal hold is not valid.")
    {
    }

    public LegalHoldException(string message)
        : this(LegalHoldRefusal.Invalid, message)
    {
    }

    public LegalHoldException(string message, Exception innerException)
        : base(message, innerException) => Refusal = LegalHoldRefusal.Invalid;

    public LegalHoldRefusal Refusal { get; }
}
