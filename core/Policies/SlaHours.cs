namespace SocialMonitor.Core.Policies;

/// <summary>Business hours to acknowledge an open finding before it is escalated to the coordinator.</summary>
public sealed record SlaHours
{
    public int Critical { get; init; } = 4;
    public int High { get; init; } = 8;
}
