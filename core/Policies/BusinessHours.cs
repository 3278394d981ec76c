namespace SocialMonitor.Core.Policies;

/// <summary>When the district counts time for SLAs: weekdays (<c>mon</c>…<c>sun</c>) and local start and end times.</summary>
public sealed record BusinessHours
{
    public IReadOnlyList<string> Days { get; init; } = ["mon", "tue", "wed", "thu", "fri"];
    public TimeOnly Start { get; init; } = new(8, 0);
    public TimeOnly End { get; init; } = new(17, 0);
}
