namespace SocialMonitor.Core.Api;

/// <summary>Who is calling: a role, and for a manager the locations they may see (null: every location).</summary>
public sealed record ApiCaller(string Name, string Role, IReadOnlyList<string>? Locations)
{
    public bool IsCoordinator => Role == Roles.Coordinator;

    public bool MaySee(string location) => Locations is null || Locations.Contains(location, StringComparer.Ordinal);
}
