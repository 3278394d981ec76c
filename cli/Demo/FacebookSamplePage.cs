using System.Text.Json;

namespace SocialMonitor.Cli.Demo;

/// <summary>One Facebook Page of the sample data: its posts and, by post id, its comments and replies (wire form).</summary>
public sealed class FacebookSamplePage
{
    public string Id { get; init; } = "";
    public string? Name { get; init; }
    public IReadOnlyList<JsonElement> Posts { get; init; } = [];
    public IReadOnlyDictionary<string, IReadOnlyList<JsonElement>> Comments { get; init; } =
        new Dictionary<string, IReadOnlyList<JsonElement>>(StringComparer.Ordinal);
}
