namespace SocialMonitor.Core.Web;

/// <summary>One of the page's files: its name, content type, bytes and ETag.</summary>
public sealed record PageAsset(string Name, string ContentType, byte[] Content, string ETag);
