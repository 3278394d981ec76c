using System.Globalization;
using System.Text.Json;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Platforms.Facebook;

namespace SocialMonitor.Core.Platforms.Instagram;

/// <summary>Maps Instagram Graph API media (posts, stories, tags), comments, replies and the profile (wire form) to <see cref="Item"/>s.</summary>
internal static class InstagramItemMapper
{
    /// <summary>A media's change hint: its <c>comments_count</c> (media have no <c>updated_time</c>).</summary>
    public static ChangeHint CommentHint(JsonElement media)
    {
        int? count = media.TryGetProperty("comments_count", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var n) ? n : null;
        return new ChangeHint(count?.ToString(CultureInfo.InvariantCulture) ?? "", count);
    }

    /// <summary>
    /// One media as a post: the caption (absent when empty: the text is then empty), the media (a carousel's children each),
    /// alt text where the API gives <c>alt_text</c> (null where it does not: unknown), the permalink and timestamp. The
    /// account's own media are official; media of others that tag the account (<paramref name="tagged"/>) are guest posts.
    /// </summary>
    public static Item? MapMedia(JsonElement media, Account account, bool tagged)
    {
        var id = String(media, "id");
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }
        var parts = media.TryGetProperty("children", out var children) && children.ValueKind == JsonValueKind.Object
            && children.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array
                ? data.EnumerateArray().Select(child => Media(child, media)).ToList()
                : [Media(media, media)];
        var username = String(media, "username");
        return new Item
        {
            Id = id,
            Platform = PlatformNames.Instagram,
            Account = account.Id,
            Kind = ItemKinds.Post,
            ParentId = tagged ? account.PlatformId : null,
            Origin = tagged ? ItemOrigins.Guest : ItemOrigins.Official,
            Author = tagged ? new ItemAuthor(null, username) : new ItemAuthor(account.PlatformId, username ?? account.Handle),
            Text = String(media, "caption") ?? "",
            Media = parts,
            CreatedAt = FacebookItemMapper.Time(String(media, "timestamp")),
            Permalink = String(media, "permalink"),
        };
    }

    /// <summary>
    /// A comment or a reply (one with <c>parent_id</c>, or read from its comment's replies): official when <c>from</c> is
    /// the account itself, else guest; <c>hidden</c> is the moderation state.
    /// </summary>
    public static Item? MapComment(JsonElement comment, string mediaId, string? parentId, Account account)
    {
        var id = String(comment, "id");
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }
        var parent = String(comment, "parent_id") ?? parentId;
        var from = comment.TryGetProperty("from", out var f) && f.ValueKind == JsonValueKind.Object ? f
            : comment.TryGetProperty("user", out var u) && u.ValueKind == JsonValueKind.Object ? u : default;
        var authorId = from.ValueKind == JsonValueKind.Object ? String(from, "id") : null;
        var username = (from.ValueKind == JsonValueKind.Object ? String(from, "username") : null) ?? String(comment, "username");
        var official = string.Equals(authorId, account.PlatformId, StringComparison.Ordinal)
            || (authorId is null && username is not null && string.Equals(username, account.Handle, StringComparison.OrdinalIgnoreCase));
        return new Item
        {
            Id = id,
            Platform = PlatformNames.Instagram,
            Account = account.Id,
            Kind = parent is null ? ItemKinds.Comment : ItemKinds.Reply,
            ParentId = parent ?? mediaId,
            Origin = official ? ItemOrigins.Official : ItemOrigins.Guest,
            Author = authorId is null && username is null ? null : new ItemAuthor(authorId, username),
            Text = String(comment, "text") ?? "",
            CreatedAt = FacebookItemMapper.Time(String(comment, "timestamp")),
            Hidden = comment.TryGetProperty("hidden", out var h) && h.ValueKind == JsonValueKind.True,
        };
    }

    /// <summary>
    /// The profile as one item (kind profile, id the Instagram user id): username, name, biography and website as lines of
    /// text (the link rule reads the biography's addresses there), the website as a link ("link in bio" is where Instagram
    /// links live), the picture as media without its CDN signature.
    /// </summary>
    public static Item MapProfile(JsonElement user, Account account)
    {
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (fact, field) in new[] { (ProfileFacts.Handle, "username"), (ProfileFacts.Name, "name"), (ProfileFacts.Bio, "biography"), (ProfileFacts.Website, "website") })
        {
            // The fields are asked for by name: one left out of the answer is empty on the profile (missing), not unknown.
            facts[fact] = String(user, field)?.Trim() ?? "";
        }
        var picture = FacebookItemMapper.StripSignature(String(user, "profile_picture_url"));
        if (picture is not null)
        {
            facts[ProfileFacts.Picture] = picture;
        }
        var website = facts[ProfileFacts.Website] is { Length: > 0 } w ? w : null;
        var link = website is null ? null : website.Contains("://", StringComparison.Ordinal) ? website : "https://" + website;
        var id = String(user, "id") ?? account.PlatformId;
        var username = facts[ProfileFacts.Handle] is { Length: > 0 } u ? u : null;
        return new Item
        {
            Id = id,
            Platform = PlatformNames.Instagram,
            Account = account.Id,
            Kind = ItemKinds.Profile,
            Origin = ItemOrigins.Official,
            Author = new ItemAuthor(id, username),
            Text = string.Join('\n', facts.Where(f => f.Key != ProfileFacts.Picture && f.Value.Length > 0).Select(f => $"{f.Key}: {f.Value}")),
            Links = link is not null && Uri.TryCreate(link, UriKind.Absolute, out _) ? [link] : [],
            Media = picture is null ? [] : [new ItemMedia("photo", picture, AltText: null, Captions: null)],
            Permalink = username is null ? null : $"https://www.instagram.com/{Uri.EscapeDataString(username)}/",
            Facts = facts,
        };
    }

    /// <summary>One image or video: a carousel child inherits nothing but is read the same way; alt text only where the API gave the field.</summary>
    private static ItemMedia Media(JsonElement media, JsonElement post)
    {
        var type = String(media, "media_type") switch
        {
            "VIDEO" => "video",
            "IMAGE" => "photo",
            var other => other?.ToLowerInvariant() ?? "photo",
        };
        var alt = String(media, "alt_text"); // Absent or null: unknown; "" is alt text the account left empty.
        return new ItemMedia(type, FacebookItemMapper.StripSignature(String(media, "media_url") ?? String(post, "thumbnail_url")), alt, Captions: null);
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
