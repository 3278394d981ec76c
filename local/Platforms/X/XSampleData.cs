using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocialMonitor.Local.Platforms.X;

/// <summary>
/// The X accounts that <see cref="XApi"/> serves, one file per account under <c>samples/x/</c> (<see cref="Load"/>) or, for
/// a test's own accounts, one document (<see cref="Parse"/>): <c>{"accounts":[{"user":{…},"tweets":[…],"mentions":[…],
/// "replies":[…],"users":[…],"media":[…],"deleted":["id"]}]}</c>. Posts are X API v2 post objects (ids as strings,
/// <c>created_at</c> like <c>2026-10-13T17:00:00.000Z</c>).
/// </summary>
public sealed class XSampleData
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public IReadOnlyList<XSampleAccount> Accounts { get; init; } = [];

    /// <summary>Reads <c>samples/x/*.json</c>, one account a file; a file that is not an account fails naming the file.</summary>
    public static XSampleData Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"No X sample data at {directory}: expected a folder with one JSON file per account.");
        }
        var accounts = new List<XSampleAccount>();
        foreach (var file in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                accounts.Add(Check(JsonSerializer.Deserialize<XSampleAccount>(File.ReadAllText(file), JsonOptions)));
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"{file}: {ex.Message}", ex);
            }
        }
        return new XSampleData { Accounts = accounts };
    }

    /// <summary>A test's accounts, as one document.</summary>
    public static XSampleData Parse(string json)
    {
        var data = JsonSerializer.Deserialize<XSampleData>(json, JsonOptions) ?? throw new JsonException("Expected {\"accounts\":[…]}, got null.");
        foreach (var account in data.Accounts)
        {
            Check(account);
        }
        return data;
    }

    private static XSampleAccount Check(XSampleAccount? account)
    {
        if (account is null || account.User.ValueKind != JsonValueKind.Object
            || !account.User.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String)
        {
            throw new JsonException("An X sample account needs a user object with a string id.");
        }
        foreach (var post in account.Tweets.Concat(account.Mentions).Concat(account.Replies))
        {
            if (!post.TryGetProperty("id", out var postId) || postId.ValueKind != JsonValueKind.String
                || !post.TryGetProperty("created_at", out var created) || created.ValueKind != JsonValueKind.String)
            {
                throw new JsonException($"A post of X account {id.GetString()} needs a string id and created_at.");
            }
        }
        return account;
    }
}
