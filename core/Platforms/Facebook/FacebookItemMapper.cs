using System.Globalization;
using System.Text.Json;
using System.Web;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Items;

namespace SocialMonitor.Core.Platforms.Facebook;

/// <summary>Maps Graph API posts and comments (wire form) to <see cref="Item"/>s.</summary>
internal static class FacebookItemMapper
{
    /// <summary>A feed entry as a post; null when it has no id.</summary>
    public static Item? MapPost(JsonElement post, Account account)
    {
        var id = String(post, "id");
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        var links = new List<string>();
        var media = new List<ItemMedia>();
        if (post.TryGetProperty("attachments", out var attachments)
            && attachments.ValueKind == JsonValueKind.Object
            && attachments.TryGetProperty("data", out var data)
            && data.ValueKind == JsonValueKind.Array)
        {
            foreach (var attachment in data.EnumerateArray())
            {
                AddAttachment(attachment, links, media);
            }
        }

        return new Item
        {
            Id = id,
            Platform = PlatformNames.Facebook,
            Account = account.Id,
            Kind = ItemKinds.Post,
            ParentId = null,
            Origin = Origin(post, account),
            Author = Author(post),
            Text = String(post, "message") ?? "",
            Links = links,
            Media = media,
            CreatedAt = Time(String(post, "created_time")),
            Hidden = Bool(post, "is_hidden"),
            Permalink = String(post, "permalink_url"),
        };
    }

    /// <summary>
    /// A comment (parent = the post) or a reply (parent = <c>parent.id</c>). Without an <c>id</c>, the id comes from the
    /// <c>comment_id</c> / <c>reply_comment_id</c> of its permalink; null when neither is there.
    /// </summary>
    public static Item? MapComment(JsonElement comment, string postId, Account account)
    {
        var permalink = String(comment, "permalink_url");
        var (permalinkId, permalinkParent) = IdsFromPermalink(permalink, postId);
        var id = String(comment, "id");
        if (string.IsNullOrEmpty(id))
        {
            id = permalinkId;
        }
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        var parent = comment.TryGetProperty("parent", out var parentElement) && parentElement.ValueKind == JsonValueKind.Object
            ? String(parentElement, "id")
            : null;
        parent ??= permalinkParent;

        var links = new List<string>();
        var media = new List<ItemMedia>();
        if (comment.TryGetProperty("attachment", out var attachment) && attachment.ValueKind == JsonValueKind.Object)
        {
            AddAttachment(attachment, links, media);
        }

        return new Item
        {
            Id = id,
            Platform = PlatformNames.Facebook,
            Account = account.Id,
            Kind = parent is null ? ItemKinds.Comment : ItemKinds.Reply,
            ParentId = parent ?? postId,
            Origin = Origin(comment, account),
            Author = Author(comment),
            Text = String(comment, "message") ?? "",
            Links = links,
            Media = media,
            CreatedAt = Time(String(comment, "created_time")),
            Hidden = Bool(comment, "is_hidden"),
            Permalink = permalink,
        };
    }

    /// <summary>Facebook's <c>2026-10-02T15:04:05+0000</c> (no colon in the offset), as UTC; null when absent or unreadable.</summary>
    public static DateTimeOffset? Time(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.ToUniversalTime()
            : null;

    /// <summary>The real target of a link: <c>l.facebook.com/l.php?u=</c> shims are unwrapped.</summary>
    public static string? Unshim(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return url;
        }
        var isShim = (uri.Host.Equals("l.facebook.com", StringComparison.OrdinalIgnoreCase)
                || uri.Host.Equals("lm.facebook.com", StringComparison.OrdinalIgnoreCase))
            && uri.AbsolutePath.Equals("/l.php", StringComparison.Ordinal);
        var target = isShim ? HttpUtility.ParseQueryString(uri.Query)["u"] : null;
        return string.IsNullOrEmpty(target) ? url : target;
    }

    private static void AddAttachment(JsonElement attachment, List<string> links, List<ItemMedia> media)
    {
        var mediaType = MediaType(attachment);
        var target = String(attachment, "unshimmed_url") ?? Unshim(String(attachment, "url"));
        // A photo's, video's or album's own page on Facebook is where the media lives, not a link someone shared.
        if (!string.IsNullOrEmpty(target) && !(mediaType is not null && IsFacebookPage(target)) && !links.Contains(target, StringComparer.Ordinal))
        {
            links.Add(target);
        }

        if (mediaType is "photo" or "video")
        {
            var source = attachment.TryGetProperty("media", out var m) && m.ValueKind == JsonValueKind.Object
                && m.TryGetProperty("image", out var image) && image.ValueKind == JsonValueKind.Object
                    ? String(image, "src")
                    : null;
            media.Add(new ItemMedia(mediaType, source, AltText: null, Captions: false));
        }

        if (attachment.TryGetProperty("subattachments", out var subattachments)
            && subattachments.ValueKind == JsonValueKind.Object
            && subattachments.TryGetProperty("data", out var data)
            && data.ValueKind == JsonValueKind.Array)
        {
            foreach (var sub in data.EnumerateArray())
            {
                AddAttachment(sub, links, media);
            }
        }
    }

    /// <summary>"photo", "video" or "album" for media attachments; null for link shares and everything else.</summary>
    private static string? MediaType(JsonElement attachment)
    {
        var type = String(attachment, "media_type") ?? String(attachment, "type") ?? "";
        if (type.Contains("photo", StringComparison.OrdinalIgnoreCase) || type.Equals("animated_image", StringComparison.OrdinalIgnoreCase))
        {
            return "photo";
        }
        if (type.StartsWith("video", StringComparison.OrdinalIgnoreCase))
        {
            return "video";
        }
        return type.StartsWith("album", StringComparison.OrdinalIgnoreCase) ? "album" : null;
    }

    private static bool IsFacebookPage(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Host.Equals("facebook.com", StringComparison.OrdinalIgnoreCase)
            || uri.Host.EndsWith(".facebook.com", StringComparison.OrdinalIgnoreCase));

    /// <summary>The comment id and, for a reply, the parent id that a comment's permalink carries.</summary>
    private static (string? Id, string? Parent) IdsFromPermalink(string? permalink, string postId)
    {
        if (permalink is null || !Uri.TryCreate(permalink, UriKind.Absolute, out var uri))
        {
            return (null, null);
        }
        var query = HttpUtility.ParseQueryString(uri.Query);
        var commentId = query["comment_id"];
        var replyId = query["reply_comment_id"];
        var separator = postId.IndexOf('_', StringComparison.Ordinal);
        var postObjectId = separator >= 0 ? postId[(separator + 1)..] : postId;
        string? Qualify(string? id) => string.IsNullOrEmpty(id) ? null : $"{postObjectId}_{id}";
        return string.IsNullOrEmpty(replyId)
            ? (Qualify(commentId), null)
            : (Qualify(replyId), Qualify(commentId));
    }

    private static string Origin(JsonElement element, Account account) =>
        element.TryGetProperty("from", out var from) && from.ValueKind == JsonValueKind.Object
        && string.Equals(String(from, "id"), account.PlatformId, StringComparison.Ordinal)
            ? ItemOrigins.Official
            : ItemOrigins.Guest;

    private static ItemAuthor? Author(JsonElement element) =>
        element.TryGetProperty("from", out var from) && from.ValueKind == JsonValueKind.Object
            ? new ItemAuthor(String(from, "id"), String(from, "name"))
            : null;

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static bool Bool(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
