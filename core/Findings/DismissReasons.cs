namespace SocialMonitor.Core.Findings;

/// <summary>Why a person dismissed a finding.</summary>
public static class DismissReasons
{
    public const string FalsePositive = "false-positive";
    public const string AllowedByPolicy = "allowed-by-policy";
    public const string Duplicate = "duplicate";

    public static readonly IReadOnlyList<string> All = [FalsePositive, AllowedByPolicy, Duplicate];
}
