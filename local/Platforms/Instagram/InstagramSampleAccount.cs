using System.Text.Json;

namespace SocialMonitor.Local.Platforms.Instagram;

/// <summary>
/// One Instagram professional account of the sample data, in wire form: its profile (<c>GET /{ig-user-id}</c>), its media
/// (<c>/media</c>, carousels with <c>children</c>), its stories, the media of others that tag it (<c>/tags</c>), and by
/// media id its comments, each with its replies as a plain <c>replies</c> list (the fake nests and cuts them as Instagram does).
/// </summary>
public sealed class InstagramSampleAccount
{
    public string Id { get; init; } = "";
    public JsonElement? Profile { get; init; }
    public IReadOnlyList<JsonElement> Media { get; init; } = [];
    public IReadOnlyList<JsonElement> Stories { get; init; } = [];
    public IReadOnlyList<JsonElement> Tags { get; init; } = [];
    public IReadOnlyDictionary<string, IReadOnlyList<JsonElement>> Comments { get; init; } =
        new Dictionary<string, IReadOnlyList<JsonElement>>(StringComparer.Ordinal);
}
