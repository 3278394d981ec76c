namespace SocialMonitor.Core.Accounts;

/// <summary>Per severity: <c>immediate</c>, <c>digest</c> or <c>none</c>.</summary>
public sealed record NotifyPreferences(string Critical, string High, string Medium, string Low)
{
    public const string Immediate = "immediate";
    public const string Digest = "digest";
    public const string None = "none";

    public static readonly NotifyPreferences Default = new(Immediate, Immediate, Digest, Digest);

    public string For(string severity) => severity switch
    {
        "critical" => Critical,
        "high" => High,
        "medium" => Medium,
        _ => Low,
    };
}
