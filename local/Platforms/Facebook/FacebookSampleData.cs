using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialMonitor.Local.Platforms.Facebook;

/// <summary>
/// The pages that <see cref="FacebookGraph"/> serves, in Facebook's wire form, one file per Page under
/// <c>samples/facebook/</c> (<see cref="Load"/>) or, for a test's own pages, one document (<see cref="Parse"/>):
/// <c>{"pages":[{"id","name","posts":[...],"comments":{"&lt;postId&gt;":[...]},"profile":{...},"roles":[...],"apps":[...]}]}</c>.
/// Posts and comments are Graph API post and comment objects (<c>created_time</c> like <c>2026-10-02T15:04:05+0000</c>,
/// replies with <c>parent</c>, comments with or without <c>from</c>); <c>profile</c> is what <c>GET /{page}</c> answers;
/// <c>roles</c> and <c>apps</c> are the entries of <c>/{page}/roles</c> and <c>/{page}/subscribed_apps</c>.
/// </summary>
public sealed class FacebookSampleData
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public IReadOnlyList<FacebookSamplePage> Pages { get; init; } = [];

    /// <summary>
    /// Reads the sample data kept as one file per Page (<c>samples/facebook/*.json</c>, each a page object as above), in
    /// page id order; a file that is not a valid page fails naming the file and what is wrong with it.
    /// </summary>
    public static FacebookSampleData Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"No Facebook sample data at {directory}: expected a folder with one JSON file per Page.");
        }
        var pages = new List<FacebookSamplePage>();
        foreach (var file in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                var page = JsonSerializer.Deserialize<FacebookSamplePage>(File.ReadAllText(file), JsonOptions)
                    ?? throw new JsonException("Expected a page object, got null.");
                Check(page);
                pages.Add(page);
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{file}: {ex.Message}", ex);
            }
        }
        if (pages.Count == 0)
        {
            throw new InvalidDataException($"{directory} holds no *.json page file.");
        }
        var twice = pages.GroupBy(p => p.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new InvalidDataException($"{directory}: page {twice.Key} is in more than one file.");
        }
        return new FacebookSampleData { Pages = [.. pages.OrderBy(p => p.Id, StringComparer.Ordinal)] };
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
            Check(page);
        }
        return data;
    }

    /// <summary>The created_time of a post or comment in wire form (<c>2026-10-02T15:04:05+0000</c>), as UTC.</summary>
    public static DateTimeOffset CreatedTime(JsonElement element) =>
        element.TryGetProperty("created_time", out var value) && value.ValueKind == JsonValueKind.String
        && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.ToUniversalTime()
            : throw new JsonException("Expected a created_time like 2026-10-02T15:04:05+0000.");

    /// <summary>Checks one page: an id, posts with distinct ids, comments on its own posts, object profile, roles and apps with string ids.</summary>
    private static void Check(FacebookSamplePage page)
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
        if (page.Profile is { ValueKind: not JsonValueKind.Object })
        {
            throw new JsonException($"Page {page.Id} has a profile that is not an object.");
        }
        foreach (var entry in page.Roles.Concat(page.Apps))
        {
            if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String)
            {
                throw new JsonException($"Page {page.Id} has a role or app without a string id.");
            }
        }
    }

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
