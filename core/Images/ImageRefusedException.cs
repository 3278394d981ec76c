namespace SocialMonitor.Core.Images;

/// <summary>An image that was not fetched or not decoded, and why (too large, truncated, the wrong type, a refused address).</summary>
public sealed class ImageRefusedException : Exception
{
    public ImageRefusedException()
    {
    }

    public ImageRefusedException(string message) : base(message)
    {
    }

    public ImageRefusedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
