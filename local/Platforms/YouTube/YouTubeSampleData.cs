using System.Text.Json;
using System.Text.Json.Nodes;

namespace SocialMonitor.Local.Platforms.YouTube;

/// <summary>
/// The sample channels the <see cref="YouTubeDataApi"/> serves, one file per channel under <c>samples/youtube/</c>:
/// <c>{"channel":{…channel resource…},"videos":[…video resources…],"comments":[…comment resources, replies with
/// snippet.parentId…],"commentsDisabled":["videoId"]}</c>, each in the Data API's own shape. A comment with
/// <c>"moderationStatus":"heldForReview"</c> in its snippet is held: lists without the owner's OAuth leave it out.
/// </summary>
public sealed record YouTubeSampleData(IReadOnlyList<YouTubeSampleChannel> Channels)
{
    /// <summary>Every <c>*.json</c> file of <paramref name="folder"/>; a bad file fails with its name.</summary>
    public static YouTubeSampleData Load(string folder) =>
        new([.. Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(file =>
        {
            try
            {
                return ParseChannel(File.ReadAllText(file));
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
            {
                throw new InvalidDataException($"YouTube sample file {file} is not valid: {e.Message}", e);
            }
        })]);

    /// <summary>One or more channels from JSON: a channel object, or an array of them.</summary>
    public static YouTubeSampleData Parse(string json)
    {
        var node = JsonNode.Parse(json) ?? throw new InvalidDataException("The YouTube sample data is empty.");
        return node is JsonArray array
            ? new([.. array.Select(c => ParseChannel(c!.ToJsonString()))])
            : new([ParseChannel(json)]);
    }

    private static YouTubeSampleChannel ParseChannel(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        var channel = root["channel"]?.AsObject() ?? throw new KeyNotFoundException("\"channel\" is missing.");
        _ = channel["id"]?.GetValue<string>() ?? throw new KeyNotFoundException("\"channel.id\" is missing.");
        return new YouTubeSampleChannel(
            channel,
            [.. (root["videos"]?.AsArray() ?? []).Select(v => v!.AsObject())],
            [.. (root["comments"]?.AsArray() ?? []).Select(c => c!.AsObject())],
            [.. (root["commentsDisabled"]?.AsArray() ?? []).Select(v => v!.GetValue<string>())]);
    }
}
