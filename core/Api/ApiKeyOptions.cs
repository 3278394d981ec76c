namespace SocialMonitor.Core.Api;

/// <summary>
/// One <c>Api__Keys__&lt;n&gt;</c> entry: the key, its role, (for a manager) its locations, and whose it is: a
/// <see cref="Name"/> for people reading the settings and an <see cref="Owner"/> (an email), the person the audit log
/// names for every change made with the key.
/// </summary>
public sealed class ApiKeyOptions
{
    public string Key { get; set; } = "";
    public string Role { get; set; } = "";

    /// <summary>Comma-separated location ids.</summary>
    public string Locations { get; set; } = "";

    /// <summary>What the key is for ("Hayden manager's laptop"); optional.</summary>
    public string Name { get; set; } = "";

    /// <summary>The email of the person the key belongs to: the actor of its changes in the audit log.</summary>
    public string Owner { get; set; } = "";

    public IReadOnlyList<string> LocationIds =>
        Locations.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
