namespace SocialMonitor.Core.Hosting;

/// <summary>An options class bound from app settings; it names each bad setting the way it is set (<c>Section__Key</c>).</summary>
public interface ISettings
{
    IEnumerable<string> Validate();
}
