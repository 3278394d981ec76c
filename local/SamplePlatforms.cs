using SocialMonitor.Local.Platforms.Facebook;
using SocialMonitor.Local.Platforms.Instagram;
using SocialMonitor.Local.Platforms.LinkedIn;
using SocialMonitor.Local.Platforms.YouTube;

namespace SocialMonitor.Local;

/// <summary>Every platform the demo serves on the loopback host, one line each: a new platform adds its line here.</summary>
public static class SamplePlatforms
{
    public static IReadOnlyList<SamplePlatform> All { get; } =
    [
        new("facebook", "Facebook", (folder, tokens) => new FacebookGraph(FacebookSampleData.Load(folder), tokens)),
        new("instagram", "Instagram", (folder, tokens) => new InstagramGraph(InstagramSampleData.Load(folder), tokens)),
        new("x", "X", (folder, tokens) => new Platforms.X.XApi(Platforms.X.XSampleData.Load(folder), tokens)),
        new("youtube", "YouTube", (folder, tokens) => new YouTubeDataApi(YouTubeSampleData.Load(folder), tokens)),
        new("linkedin", "LinkedIn", (folder, tokens) => new LinkedInRestApi(LinkedInSampleData.Load(folder), tokens)),
    ];
}
