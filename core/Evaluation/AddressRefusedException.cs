namespace SocialMonitor.Core.Evaluation;

/// <summary>The link resolver would have connected to an address its <see cref="AddressPolicy"/> refuses.</summary>
public sealed class AddressRefusedException : Exception
{
    public AddressRefusedException()
    {
    }

    public AddressRefusedException(string message) : base(message)
    {
    }

    public AddressRefusedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
