namespace SocialMonitor.Core.Api;

/// <summary>One <c>Api__Keys__&lt;n&gt;</c> entry: the key, its role and (for a manager) its locations.</summary>
public sealed class ApiKeyOptions
{
    public string Key { get; set; } = "";
    public string Role { get; set; } = "";

    /// <summary>Comma-separated location ids.</summary>
    public string Locations { get; set; } = "";

    public IReadOnlyList<string> LocationIds =>
        Locations.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
