using System.Text.Json.Nodes;

namespace SocialMonitor.Local.Platforms.YouTube;

/// <summary>One sample channel: its resource, its videos (newest first or not: the fake orders them), its comments and replies, and the videos with comments turned off.</summary>
public sealed record YouTubeSampleChannel(JsonObject Channel, IReadOnlyList<JsonObject> Videos, IReadOnlyList<JsonObject> Comments, IReadOnlyList<string> CommentsDisabled)
{
    public string Id => Channel["id"]!.GetValue<string>();
}
