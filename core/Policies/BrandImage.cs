namespace SocialMonitor.Core.Policies;

/// <summary>An approved brand image: its file (relative to the policy) and its 64-bit perceptual hash.</summary>
public sealed record BrandImage(string File, ulong Hash);
