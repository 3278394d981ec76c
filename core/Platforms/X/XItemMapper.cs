using System.Globalization;
using System.Text.Json;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Items;

namespace SocialMonitor.Core.Platforms.X;

/// <summary>
/// Maps X API v2 answers (wire form) to <see cref="Item"/>s: posts, mentions and replies of one page with its
/// <c>includes</c> (users, media), and the account's user object as its profile.
/// <list type="bullet">
/// <item>A post is kept under its original id, the first of <c>edit_history_tweet_ids</c>; a later version is a new version of that item.</item>
/// <item>The text is <c>note_tweet.text</c> when present (a long post's <c>text</c> is cut), with the <c>t.co</c> links of
/// attached media taken out; every other link is its <c>unwound_url</c>, else its <c>expanded_url</c>, never <c>t.co</c>.</item>
/// <item>Media come by expansion; the client always asks for <c>alt_text</c>, and X leaves the field out when a photo has
/// none, so an absent alt text is missing (<c>""</c>), not unknown.</item>
/// </list>
/// </summary>
internal static class XItemMapper
{
    /// <summary>
    /// One page's posts as items, each with its reply count; entries without an id are skipped. <paramref name="kind"/> is
    /// <see cref="ItemKinds.Post"/> for the account's own timeline, <see cref="ItemKinds.Comment"/> for mentions and conversations.
    /// </summary>
    public static List<(Item Item, int? Replies)> MapPage(JsonElement page, Account account, string kind)
    {
        var users = Index(page, "users", "id");
        var media = Index(page, "media", "media_key");
        var items = new List<(Item, int?)>();
        if (!page.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            return items;
        }
        foreach (var tweet in data.EnumerateArray())
        {
            if (Map(tweet, users, media, account, kind) is { } item)
            {
                items.Add((item, ReplyCount(tweet)));
            }
        }
        return items;
    }

    /// <summary>The entries of a page: its <c>data</c> (or none) and, counted as X bills them, every post and user it returns.</summary>
    public static int Resources(JsonElement page) =>
        (page.TryGetProperty("data", out var one) && one.ValueKind == JsonValueKind.Object ? 1 : Count(page, "data")) + (page.TryGetProperty("includes", out var includes) && includes.ValueKind == JsonValueKind.Object
            ? Count(includes, "users") + Count(includes, "tweets")
            : 0);

    /// <summary>The newest id of an edited post met in an earlier version (its id is not the last of <c>edit_history_tweet_ids</c>); null otherwise.</summary>
    public static string? NewestId(JsonElement tweet) =>
        String(tweet, "id") is { } id && tweet.TryGetProperty("edit_history_tweet_ids", out var history) && history.ValueKind == JsonValueKind.Array
        && history.GetArrayLength() > 0 && history[history.GetArrayLength() - 1] is { ValueKind: JsonValueKind.String } last && last.GetString() != id
            ? last.GetString()
            : null;

    public static int? ReplyCount(JsonElement tweet) =>
        tweet.TryGetProperty("public_metrics", out var metrics) && metrics.ValueKind == JsonValueKind.Object
        && metrics.TryGetProperty("reply_count", out var count) && count.ValueKind == JsonValueKind.Number && count.TryGetInt32(out var n)
            ? n
            : null;

    /// <summary>The account's user object as its profile: name, username, description, url and picture as facts; the links of its url and description.</summary>
    public static Item MapProfile(JsonElement user, Account account)
    {
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        void Fact(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                facts[name] = value.Trim();
            }
        }
        var entities = user.TryGetProperty("entities", out var e) && e.ValueKind == JsonValueKind.Object ? e : default;
        var urlLinks = Links(entities, "url");
        Fact(ProfileFacts.Name, String(user, "name"));
        Fact(ProfileFacts.Handle, String(user, "username"));
        Fact(ProfileFacts.Bio, String(user, "description"));
        Fact(ProfileFacts.Website, urlLinks.FirstOrDefault() ?? String(user, "url"));
        var bioLinks = Links(entities, "description");
        Fact(ProfileFacts.BioLinks, string.Join(' ', bioLinks));
        // X always has a bio and a website field and answers an empty one as "": missing, not unknown.
        facts.TryAdd(ProfileFacts.Bio, "");
        facts.TryAdd(ProfileFacts.Website, "");
        // The normal 48×48 avatar; the 400×400 one has the same picture and a better hash.
        Fact(ProfileFacts.Picture, String(user, "profile_image_url")?.Replace("_normal.", "_400x400.", StringComparison.Ordinal));
        var id = String(user, "id") ?? account.PlatformId;
        return new Item
        {
            Id = id,
            Platform = PlatformNames.X,
            Account = account.Id,
            Kind = ItemKinds.Profile,
            Origin = ItemOrigins.Official,
            Author = new ItemAuthor(id, facts.GetValueOrDefault(ProfileFacts.Name)),
            Text = string.Join('\n', facts.Where(f => f.Key is not (ProfileFacts.Picture or ProfileFacts.BioLinks) && f.Value.Length > 0).Select(f => $"{f.Key}: {f.Value}")),
            Links = [.. urlLinks.Concat(bioLinks).Distinct(StringComparer.Ordinal)],
            Media = facts.TryGetValue(ProfileFacts.Picture, out var picture) ? [new ItemMedia("photo", picture, null, null)] : [],
            Permalink = facts.TryGetValue(ProfileFacts.Handle, out var username) ? $"https://x.com/{username}" : null,
            Facts = facts,
        };
    }

    private static Item? Map(JsonElement tweet, Dictionary<string, JsonElement> users, Dictionary<string, JsonElement> media, Account account, string kind)
    {
        if (String(tweet, "id") is not { } id)
        {
            return null;
        }
        var history = tweet.TryGetProperty("edit_history_tweet_ids", out var h) && h.ValueKind == JsonValueKind.Array
            ? h.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList()
            : [];
        var original = history.FirstOrDefault() ?? id;
        var note = tweet.TryGetProperty("note_tweet", out var n) && n.ValueKind == JsonValueKind.Object && String(n, "text") is not null ? n : default;
        var text = note.ValueKind == JsonValueKind.Object ? String(note, "text")! : String(tweet, "text") ?? "";
        var entities = note.ValueKind == JsonValueKind.Object ? Property(note, "entities") : Property(tweet, "entities");
        var links = new List<string>();
        if (entities.ValueKind == JsonValueKind.Object && entities.TryGetProperty("urls", out var urls) && urls.ValueKind == JsonValueKind.Array)
        {
            foreach (var url in urls.EnumerateArray())
            {
                if (String(url, "media_key") is not null || (String(url, "display_url") ?? "").StartsWith("pic.", StringComparison.Ordinal))
                {
                    // A photo's own t.co link leads back to the post: not a link the post publishes.
                    if (String(url, "url") is { } shortLink)
                    {
                        text = text.Replace(shortLink, "", StringComparison.Ordinal).TrimEnd();
                    }
                    continue;
                }
                if ((String(url, "unwound_url") ?? String(url, "expanded_url")) is { } target && !links.Contains(target))
                {
                    links.Add(target);
                }
            }
        }
        var authorId = String(tweet, "author_id");
        var author = authorId is not null && users.TryGetValue(authorId, out var user) ? user : default;
        var repliedTo = tweet.TryGetProperty("referenced_tweets", out var refs) && refs.ValueKind == JsonValueKind.Array
            ? refs.EnumerateArray().Where(r => String(r, "type") == "replied_to").Select(r => String(r, "id")).FirstOrDefault()
            : null;
        var created = Time(String(tweet, "created_at"));
        var conversation = String(tweet, "conversation_id");
        // The account's own timeline is its posts; a mention or a conversation entry that answers a post is a comment on
        // it, and one that answers a comment a reply, so a reply that names the account is the same item in both streams.
        var itemKind = kind == ItemKinds.Post || repliedTo is null ? ItemKinds.Post : repliedTo == conversation ? ItemKinds.Comment : ItemKinds.Reply;
        return new Item
        {
            Id = original,
            Platform = PlatformNames.X,
            Account = account.Id,
            Kind = itemKind,
            ParentId = itemKind == ItemKinds.Post ? null : repliedTo,
            // The account's own timeline holds its own posts (the default fields leave author_id out); elsewhere the author decides.
            Origin = kind == ItemKinds.Post || authorId == account.PlatformId ? ItemOrigins.Official : ItemOrigins.Guest,
            Author = authorId is null ? null : new ItemAuthor(authorId, author.ValueKind == JsonValueKind.Object ? String(author, "name") ?? String(author, "username") : null),
            Text = text,
            Links = links,
            Media = Media(tweet, media),
            CreatedAt = created,
            // Each edit is a new post object whose created_at is the time of the edit.
            EditedAt = history.Count > 1 && id != original ? created : null,
            Permalink = author.ValueKind == JsonValueKind.Object && String(author, "username") is { } username
                ? $"https://x.com/{username}/status/{original}"
                : $"https://x.com/i/web/status/{original}",
        };
    }

    private static List<ItemMedia> Media(JsonElement tweet, Dictionary<string, JsonElement> media)
    {
        var keys = tweet.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Object
            && attachments.TryGetProperty("media_keys", out var k) && k.ValueKind == JsonValueKind.Array
                ? k.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)
                : [];
        var result = new List<ItemMedia>();
        foreach (var key in keys)
        {
            if (!media.TryGetValue(key, out var m))
            {
                result.Add(new ItemMedia("photo", null, null, null)); // Not expanded: nothing about it is known.
                continue;
            }
            var type = String(m, "type") is "video" or "animated_gif" ? "video" : "photo";
            result.Add(new ItemMedia(type, String(m, "url") ?? String(m, "preview_image_url"), String(m, "alt_text") ?? "", null));
        }
        return result;
    }

    private static List<string> Links(JsonElement entities, string part) =>
        entities.ValueKind == JsonValueKind.Object && entities.TryGetProperty(part, out var p) && p.ValueKind == JsonValueKind.Object
        && p.TryGetProperty("urls", out var urls) && urls.ValueKind == JsonValueKind.Array
            ? [.. urls.EnumerateArray().Select(u => String(u, "unwound_url") ?? String(u, "expanded_url")).OfType<string>()]
            : [];

    private static Dictionary<string, JsonElement> Index(JsonElement page, string list, string key)
    {
        var index = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (page.TryGetProperty("includes", out var includes) && includes.ValueKind == JsonValueKind.Object
            && includes.TryGetProperty(list, out var entries) && entries.ValueKind == JsonValueKind.Array)
        {
            foreach (var entry in entries.EnumerateArray())
            {
                if (String(entry, key) is { } id)
                {
                    index.TryAdd(id, entry);
                }
            }
        }
        return index;
    }

    private static int Count(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array ? list.GetArrayLength() : 0;

    private static JsonElement Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;

    internal static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Time(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) ? time : null;
}
