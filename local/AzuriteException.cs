namespace SocialMonitor.Local;

/// <summary>Azurite could not be installed or started; the message says why (Node missing, npm failed, port in use).</summary>
public sealed class AzuriteException : Exception
{
    public AzuriteException()
    {
    }

    public AzuriteException(string message) : base(message)
    {
    }

    public AzuriteException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
