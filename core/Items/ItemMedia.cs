namespace SocialMonitor.Core.Items;

public sealed record ItemMedia(string Type, string? Url, string? AltText, bool Captions);
