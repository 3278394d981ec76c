namespace SocialMonitor.Core.Api;

/// <summary>
/// Who is calling: a role, and for a manager the locations they may see (null: every location). A caller whom a browser
/// cookie identified (a page session, or App Service Authentication's) has the <see cref="AntiForgery"/> token its changes
/// must carry; a caller with an <c>X-Api-Key</c> has none (no browser sends that header by itself).
/// </summary>
public sealed record ApiCaller(string Name, string Role, IReadOnlyList<string>? Locations)
{
    public bool IsCoordinator => Role == Roles.Coordinator;

    /// <summary>The token a change must carry in <see cref="Web.AntiForgery.Header"/>; null when the caller was not identified by a cookie.</summary>
    public string? AntiForgery { get; init; }

    public bool MaySee(string location) => Locations is null || Locations.Contains(location, StringComparer.Ordinal);
}
