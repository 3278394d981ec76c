namespace SocialMonitor.Core.Rules.LinkDomain;

/// <summary>A link found in text: as written, and where (UTF-16 offset and length).</summary>
public sealed record FoundLink(string Written, int Offset, int Length);
