namespace SocialMonitor.Core.Findings;

/// <summary>One counter of <see cref="FindingTrendIndex"/>: the findings of a location, library day and rule, as they are now.</summary>
public sealed record FindingTrendCount(string Location, DateOnly Day, string Rule, int Raised, int Open, int Dismissed)
{
    public string Family => Rule.Split('.')[0];
}
