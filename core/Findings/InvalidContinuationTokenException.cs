namespace SocialMonitor.Core.Findings;

/// <summary>A continuation token that is malformed or belongs to another filter.</summary>
public sealed class InvalidContinuationTokenException : Exception
{
    public InvalidContinuationTokenException()
        : base("The continuation token is not valid for this filter: start again without it.")
    {
    }

    public InvalidContinuationTokenException(string message) : base(message)
    {
    }

    public InvalidContinuationTokenException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
