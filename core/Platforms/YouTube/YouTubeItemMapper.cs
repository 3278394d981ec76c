using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Items;

namespace SocialMonitor.Core.Platforms.YouTube;

/// <summary>
/// Maps YouTube Data API resources onto the item contract: a video (<c>videos.list</c>: title, full description, tags,
/// <c>contentDetails.caption</c>) is a post; a top-level comment of a thread is a comment on its video; a reply is a reply
/// to its thread. Comment text arrives as HTML (<c>textDisplay</c>): the rule text is the text without its tags, and the
/// links are its <c>href</c>s. Null stays null: a video without a caption flag has captions unknown.
/// </summary>
internal static partial class YouTubeItemMapper
{
    public static Item? MapVideo(JsonElement video, Account account)
    {
        if (String(video, "id") is not { } id)
        {
            return null;
        }
        var snippet = Object(video, "snippet");
        var title = String(snippet, "title") ?? "";
        var description = String(snippet, "description") ?? "";
        var tags = snippet.ValueKind == JsonValueKind.Object && snippet.TryGetProperty("tags", out var t) && t.ValueKind == JsonValueKind.Array
            ? t.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
            : [];
        var caption = String(Object(video, "contentDetails"), "caption");
        var privacy = String(Object(video, "status"), "privacyStatus");
        var text = string.Join("\n\n", new[] { title, description, tags.Count == 0 ? "" : "Tags: " + string.Join(", ", tags) }.Where(s => s.Length > 0));
        var watch = "https://www.youtube.com/watch?v=" + Uri.EscapeDataString(id);
        return new Item
        {
            Id = id,
            Platform = PlatformNames.YouTube,
            Account = account.Id,
            Kind = ItemKinds.Post,
            Origin = ItemOrigins.Official,
            Author = new ItemAuthor(String(snippet, "channelId") ?? account.PlatformId, String(snippet, "channelTitle")),
            Text = text,
            Links = PlainLinks(description),
            Media = [new ItemMedia("video", watch, AltText: null, Captions: caption switch { "true" => true, "false" => false, _ => null })],
            CreatedAt = Time(snippet, "publishedAt"),
            // A private or unlisted video is not public: YouTube's nearest thing to hidden.
            Hidden = privacy is "private" or "unlisted",
            Permalink = watch,
        };
    }

    /// <summary>The video's comment count as its change hint; null count when the owner hides statistics.</summary>
    public static ChangeHint CommentHint(JsonElement video)
    {
        var count = String(Object(video, "statistics"), "commentCount");
        var comments = int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
        return new ChangeHint(count ?? "", comments);
    }

    /// <summary>A comment resource (<c>{id, snippet:{textDisplay, authorChannelId, publishedAt, updatedAt, parentId?, videoId}}</c>).</summary>
    public static Item? MapComment(JsonElement comment, string videoId, Account account, bool held = false)
    {
        if (String(comment, "id") is not { } id)
        {
            return null;
        }
        var snippet = Object(comment, "snippet");
        var parent = String(snippet, "parentId");
        var html = String(snippet, "textDisplay") ?? String(snippet, "textOriginal") ?? "";
        var authorId = String(Object(snippet, "authorChannelId"), "value");
        var published = Time(snippet, "publishedAt");
        var updated = Time(snippet, "updatedAt");
        return new Item
        {
            Id = id,
            Platform = PlatformNames.YouTube,
            Account = account.Id,
            Kind = parent is null ? ItemKinds.Comment : ItemKinds.Reply,
            ParentId = parent ?? videoId,
            Origin = authorId == account.PlatformId ? ItemOrigins.Official : ItemOrigins.Guest,
            Author = new ItemAuthor(authorId, String(snippet, "authorDisplayName")),
            Text = StripHtml(html),
            Links = Hrefs(html),
            CreatedAt = published,
            EditedAt = updated is { } u && published is { } p && u > p ? u : null,
            Hidden = held,
            Permalink = $"https://www.youtube.com/watch?v={Uri.EscapeDataString(videoId)}&lc={Uri.EscapeDataString(id)}",
        };
    }

    /// <summary>The channel (<c>channels.list</c> with snippet, brandingSettings, status) as the account's profile.</summary>
    public static Item MapProfile(JsonElement channel, Account account)
    {
        var snippet = Object(channel, "snippet");
        var branding = Object(Object(channel, "brandingSettings"), "channel");
        var status = Object(channel, "status");
        var facts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        void Fact(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                facts[name] = value;
            }
        }
        Fact(ProfileFacts.Name, String(snippet, "title"));
        // A channel always has a description; the API gives an empty one as "": missing, not unknown.
        facts[ProfileFacts.Bio] = String(snippet, "description") ?? "";
        Fact(ProfileFacts.Handle, String(snippet, "customUrl"));
        var thumbnails = Object(snippet, "thumbnails");
        Fact(ProfileFacts.Picture, String(Object(thumbnails, "high"), "url") ?? String(Object(thumbnails, "medium"), "url") ?? String(Object(thumbnails, "default"), "url"));
        Fact(ProfileFacts.Banner, String(Object(Object(channel, "brandingSettings"), "image"), "bannerExternalUrl"));
        Fact("keywords", String(branding, "keywords"));
        Fact("country", String(branding, "country") ?? String(snippet, "country"));
        Fact("privacyStatus", String(status, "privacyStatus"));
        Fact("madeForKids", status.ValueKind == JsonValueKind.Object && status.TryGetProperty("madeForKids", out var k) && k.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? (k.ValueKind == JsonValueKind.True ? "true" : "false") : null);
        var id = String(channel, "id") ?? account.PlatformId;
        var handle = facts.GetValueOrDefault("handle");
        return new Item
        {
            Id = id,
            Platform = PlatformNames.YouTube,
            Account = account.Id,
            Kind = ItemKinds.Profile,
            Origin = ItemOrigins.Official,
            Author = new ItemAuthor(id, facts.GetValueOrDefault("name")),
            // The images are not links the library publishes: out of the text; their hashes are in the content hash.
            Text = string.Join('\n', facts.Where(f => f.Key is not (ProfileFacts.Picture or ProfileFacts.Banner) && f.Value.Length > 0).Select(f => $"{f.Key}: {f.Value}")),
            Links = PlainLinks(facts.GetValueOrDefault(ProfileFacts.Bio) ?? ""),
            Permalink = handle is null ? $"https://www.youtube.com/channel/{Uri.EscapeDataString(id)}" : $"https://www.youtube.com/{handle}",
            Facts = new Dictionary<string, string>(facts, StringComparer.Ordinal),
        };
    }

    /// <summary>HTML <c>textDisplay</c> as plain text: line breaks kept, tags dropped, entities decoded.</summary>
    public static string StripHtml(string html) =>
        WebUtility.HtmlDecode(Tag().Replace(LineBreak().Replace(html, "\n"), "")).Trim();

    /// <summary>The <c>href</c> of every anchor, decoded; only absolute http(s) targets.</summary>
    public static IReadOnlyList<string> Hrefs(string html) =>
        [.. Href().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .Where(h => Uri.TryCreate(h, UriKind.Absolute, out var u) && u.Scheme is "http" or "https").Distinct(StringComparer.Ordinal)];

    /// <summary>The URLs written in plain text (a description's links are plain text).</summary>
    public static IReadOnlyList<string> PlainLinks(string text) =>
        [.. PlainUrl().Matches(text).Select(m => m.Value.TrimEnd('.', ',', ';', ':', ')', '!', '?', '"', '\''))
            .Where(h => Uri.TryCreate(h, UriKind.Absolute, out _)).Distinct(StringComparer.Ordinal)];

    private static JsonElement Object(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : default;

    internal static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>RFC 3339 in both shapes YouTube sends (<c>…:44.000Z</c> and <c>…:43Z</c>).</summary>
    internal static DateTimeOffset? Time(JsonElement element, string name) =>
        String(element, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("""<a\s[^>]*?href\s*=\s*"([^"]*)"[^>]*>""", RegexOptions.IgnoreCase)]
    private static partial Regex Href();

    [GeneratedRegex(@"https?://[^\s<>""]+", RegexOptions.IgnoreCase)]
    private static partial Regex PlainUrl();
}
