using System.Text.Json.Serialization;

namespace SocialMonitor.Core.Policies;

/// <summary>
/// The policy's <c>branding</c>: what makes an official account recognisably the library's and current (Staff use 1
/// and 5). Each location's contacts are <see cref="PolicyLocation"/>'s, not repeated here.
/// </summary>
public sealed record BrandingPolicy
{
    /// <summary>The platform key whose patterns apply where a platform has none of its own.</summary>
    public const string DefaultPatterns = "default";

    /// <summary>
    /// Regular expressions (case-insensitive) the display name or the handle must match, by platform or <c>default</c>;
    /// <c>{location}</c> stands for the location's name with any spaces, dots, hyphens or underscores between its words
    /// (nothing for an account of no listed location). None: the name is not checked.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> NamePatterns { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The approved brand images, as paths relative to the policy file (<c>brand/cln-logo.png</c>).</summary>
    [JsonPropertyName("images")]
    public IReadOnlyList<string> ImageFiles { get; init; } = [];

    /// <summary>How many bits of 64 a profile image's perceptual hash may differ from an approved image's and still be it.</summary>
    public int ImageThreshold { get; init; } = 10;

    /// <summary>The library's website: every profile's website is this site or a page on it (any subdomain too).</summary>
    public string? Website { get; init; }

    /// <summary>The comment policy page the bio or about text must link, where the platform has one.</summary>
    public string? CommentPolicy { get; init; }

    /// <summary>Days an account may go without an official post before <c>branding.stale</c>.</summary>
    public int MaxDaysWithoutPost { get; init; } = 30;

    /// <summary>The approved images with their perceptual hashes, computed by the loader when the policy is read.</summary>
    [JsonIgnore]
    public IReadOnlyList<BrandImage> Images { get; init; } = [];

    /// <summary>The patterns for <paramref name="platform"/>: its own, else the default ones, else none.</summary>
    public IReadOnlyList<string> PatternsFor(string platform) =>
        NamePatterns.TryGetValue(platform, out var own) ? own : NamePatterns.GetValueOrDefault(DefaultPatterns) ?? [];
}
