namespace SocialMonitor.Core.Items;

/// <summary>
/// A photo or video of an item. <see cref="AltText"/> and <see cref="Captions"/> are null when the platform does not
/// report them (unknown: no rule fires on it); an empty alt text or <c>false</c> captions is what the platform reported
/// (missing: a finding).
/// </summary>
public sealed record ItemMedia(string Type, string? Url, string? AltText, bool? Captions);
