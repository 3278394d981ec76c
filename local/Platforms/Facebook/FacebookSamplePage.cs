using System.Text.Json;

namespace SocialMonitor.Local.Platforms.Facebook;

/// <summary>
/// One Facebook Page of the sample data, in wire form: its posts, by post id its comments and replies, and its profile
/// (<c>GET /{page}</c>), roles (<c>/{page}/roles</c>) and subscribed apps (<c>/{page}/subscribed_apps</c>).
/// </summary>
public sealed class FacebookSamplePage
{
    public string Id { get; init; } = "";
    public string? Name { get; init; }
    public IReadOnlyList<JsonElement> Posts { get; init; } = [];
    public IReadOnlyDictionary<string, IReadOnlyList<JsonElement>> Comments { get; init; } =
        new Dictionary<string, IReadOnlyList<JsonElement>>(StringComparer.Ordinal);

    /// <summary>The Page's fields as <c>GET /{page}?fields=…</c> answers them; without one, the page answers with its id and name.</summary>
    public JsonElement? Profile { get; init; }

    public IReadOnlyList<JsonElement> Roles { get; init; } = [];
    public IReadOnlyList<JsonElement> Apps { get; init; } = [];
}
