using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialMonitor.Cli.Demo;

/// <summary>
/// The pages that <see cref="FacebookSampleServer"/> serves, in Facebook's wire form:
/// <c>{"pages":[{"id","name","posts":[...],"comments":{"&lt;postId&gt;":[...]}}]}</c>.
/// </summary>
public sealed class FacebookSampleData
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public IReadOnlyList<FacebookSamplePage> Pages { get; init; } = [];

    public static FacebookSampleData Load(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Reads and checks sample data: every post needs an id, every post and comment a readable created_time. A comment may
    /// lack its id, as some real Graph API answers do.
    /// </summary>
    public static FacebookSampleData Parse(string json)
    {
        var data = JsonSerializer.Deserialize<FacebookSampleData>(json, JsonOptions)
            ?? throw new JsonException("Expected a JSON object with \"pages\", got null.");
        foreach (var page in data.Pages)
        {
            if (string.IsNullOrEmpty(page.Id))
            {
                throw new JsonException("A page has no id.");
            }
            var postIds = new HashSet<string>(StringComparer.Ordinal);
            foreach (var post in page.Posts)
            {
                var id = Check(post, $"a post of page {page.Id}", requireId: true);
                if (!postIds.Add(id))
                {
                    throw new JsonException($"Page {page.Id} has post {id} twice.");
                }
            }
            foreach (var (postId, comments) in page.Comments)
            {
                if (!postIds.Contains(postId))
                {
                    throw new JsonException($"Page {page.Id} has comments on {postId}, which is not one of its posts.");
                }
                foreach (var comment in comments)
                {
                    Check(comment, $"a comment on {postId}", requireId: false);
                }
            }
        }
        return data;
    }

    /// <summary>The created_time of a post or comment in wire form (<c>2026-10-02T15:04:05+0000</c>), as UTC.</summary>
    public static DateTimeOffset CreatedTime(JsonElement element) =>
        element.TryGetProperty("created_time", out var value) && value.ValueKind == JsonValueKind.String
        && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.ToUniversalTime()
            : throw new JsonException("Expected a created_time like 2026-10-02T15:04:05+0000.");

    private static string Check(JsonElement element, string what, bool requireId)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException($"Expected {what} to be an object.");
        }
        var id = element.TryGetProperty("id", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";
        if (requireId && id.Length == 0)
        {
            throw new JsonException($"Expected {what} to have a string id.");
        }
        try
        {
            CreatedTime(element);
        }
        catch (JsonException ex)
        {
            throw new JsonException($"{what} ({id}): {ex.Message}", ex);
        }
        return id;
    }
}
