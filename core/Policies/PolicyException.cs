namespace SocialMonitor.Core.Policies;

/// <summary>A policy file that cannot be used: the message names the file, the field (a JSON path) and the reason.</summary>
public sealed class PolicyException : Exception
{
    public PolicyException()
    {
    }

    public PolicyException(string message) : base(message)
    {
    }

    public PolicyException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public PolicyException(string file, string field, string reason, Exception? innerException = null)
        : base($"{file}: {field}: {reason}", innerException)
    {
        File = file;
        Field = field;
    }

    public string? File { get; }
    public string? Field { get; }
}
