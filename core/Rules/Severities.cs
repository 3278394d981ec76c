namespace SocialMonitor.Core.Rules;

public static class Severities
{
    public const string Critical = "critical";
    public const string High = "high";
    public const string Medium = "medium";
    public const string Low = "low";

    public static readonly string[] All = [Critical, High, Medium, Low];

    /// <summary>0 for critical up to 3 for low, so that ordering by rank puts the worst first.</summary>
    public static int Rank(string severity) => Array.IndexOf(All, severity) is var i and >= 0 ? i : All.Length;
}
