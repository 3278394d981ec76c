using System.Globalization;
using System.Text.Json;

namespace SocialMonitor.Local.Platforms.Instagram;

/// <summary>The Instagram sample data: one JSON file per account under <c>samples/instagram/</c>, checked as it is read.</summary>
public sealed class InstagramSampleData
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    public IReadOnlyList<InstagramSampleAccount> Accounts { get; init; } = [];

    /// <summary>Every <c>*.json</c> of <paramref name="directory"/>; a bad file is named with what is wrong in it.</summary>
    public static InstagramSampleData Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"No Instagram sample data at {directory}: expected a folder with one JSON file per account.");
        }
        var accounts = new List<InstagramSampleAccount>();
        foreach (var file in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                var account = JsonSerializer.Deserialize<InstagramSampleAccount>(File.ReadAllText(file), JsonOptions)
                    ?? throw new JsonException("Expected an account object, got null.");
                Check(account);
                accounts.Add(account);
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{file}: {ex.Message}", ex);
            }
        }
        if (accounts.GroupBy(a => a.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidDataException($"{directory}: account {twice.Key} is in more than one file.");
        }
        return new InstagramSampleData { Accounts = accounts };
    }

    /// <summary>Sample data in one JSON object, <c>{"accounts":[…]}</c> (tests), checked as <see cref="Load"/> checks a folder.</summary>
    public static InstagramSampleData Parse(string json)
    {
        var data = JsonSerializer.Deserialize<InstagramSampleData>(json, JsonOptions) ?? throw new JsonException("Expected a JSON object with \"accounts\", got null.");
        foreach (var account in data.Accounts)
        {
            Check(account);
        }
        return data;
    }

    /// <summary>The <c>timestamp</c> of a media or comment in wire form (<c>2026-10-02T15:04:05+0000</c>), as UTC.</summary>
    public static DateTimeOffset Timestamp(JsonElement element) =>
        element.TryGetProperty("timestamp", out var value) && value.ValueKind == JsonValueKind.String
        && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.ToUniversalTime()
            : throw new JsonException("Expected a timestamp like 2026-10-02T15:04:05+0000.");

    /// <summary>An id; media, stories, tags, comments and replies with string ids and readable timestamps; comments on the account's own media.</summary>
    private static void Check(InstagramSampleAccount account)
    {
        if (string.IsNullOrEmpty(account.Id))
        {
            throw new JsonException("An account has no id.");
        }
        var media = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in account.Media.Concat(account.Stories).Concat(account.Tags))
        {
            if (!media.Add(Checked(entry, $"a media of account {account.Id}")))
            {
                throw new JsonException($"Account {account.Id} has media {Id(entry)} twice.");
            }
        }
        foreach (var (mediaId, comments) in account.Comments)
        {
            if (!media.Contains(mediaId))
            {
                throw new JsonException($"Account {account.Id} has comments on {mediaId}, which is not one of its media.");
            }
            foreach (var comment in comments)
            {
                Checked(comment, $"a comment on {mediaId}");
                if (comment.TryGetProperty("replies", out var replies))
                {
                    if (replies.ValueKind != JsonValueKind.Array)
                    {
                        throw new JsonException($"Comment {Id(comment)} on {mediaId}: replies must be a list.");
                    }
                    foreach (var reply in replies.EnumerateArray())
                    {
                        Checked(reply, $"a reply to {Id(comment)}");
                    }
                }
            }
        }
    }

    private static string Checked(JsonElement element, string what)
    {
        var id = element.ValueKind == JsonValueKind.Object ? Id(element) : null;
        if (string.IsNullOrEmpty(id))
        {
            throw new JsonException($"Expected {what} to be an object with a string id.");
        }
        try
        {
            Timestamp(element);
        }
        catch (JsonException ex)
        {
            throw new JsonException($"{what} ({id}): {ex.Message}", ex);
        }
        return id;
    }

    private static string? Id(JsonElement element) =>
        element.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
}
