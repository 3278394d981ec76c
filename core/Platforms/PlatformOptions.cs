namespace SocialMonitor.Core.Platforms;

public sealed class PlatformOptions
{
    public bool Enabled { get; set; } = true;
    public string BaseUrl { get; set; } = "";
    public string ApiVersion { get; set; } = "";
}
