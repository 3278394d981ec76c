namespace SocialMonitor.Core.Policies;

/// <summary>
/// Optional tiers of conduct terms, each off unless the policy turns it on. <see cref="Mild"/>: mild expletives
/// (hell, damn, crap; the <c>conduct.profanity.mild</c> list) are <c>conduct.profanity</c> findings too. Off by default:
/// a government page that flags mild words in criticism looks like it polices viewpoints.
/// </summary>
public sealed record ConductTiers
{
    public bool Mild { get; init; }
}
