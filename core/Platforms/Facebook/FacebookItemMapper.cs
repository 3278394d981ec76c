using System.Globalization;
using System.Text.Json;
using System.Web;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Items;

namespace SocialMonitor.Core.Platforms.Facebook;

/// <summary>Maps Graph API posts, comments, the Page profile, roles and subscribed apps (wire form) to <see cref="Item"/>s.</summary>
internal static class FacebookItemMapper
{
    /// <summary>The profile fact that holds the Instagram user id linked to the Page (<c>instagram_business_account</c>).</summary>
    public const string InstagramFact = "instagramAccount";

    private static readonly string[] s_days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    /// <summary>
    /// A post's change hint: <c>updated_time</c> (which moves when the post gets comments or is edited) and the comment
    /// count of <c>comments.summary</c> when the feed gave it.
    /// </summary>
    public static ChangeHint CommentHint(JsonElement post)
    {
        int? count = post.TryGetProperty("comments", out var comments) && comments.ValueKind == JsonValueKind.Object
            && comments.TryGetProperty("summary", out var summary) && summary.ValueKind == JsonValueKind.Object
            && summary.TryGetProperty("total_count", out var total) && total.ValueKind == JsonValueKind.Number && total.TryGetInt32(out var n)
                ? n
                : null;
        var updated = Time(String(post, "updated_time"))?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";
        return new ChangeHint(string.Create(CultureInfo.InvariantCulture, $"{updated}|{count}"), count);
    }

    /// <summary>
    /// The Page profile as one item (kind profile, id the Page id): its facts under the names of <see cref="ProfileFacts"/>
    /// as lines of text (so the content hash covers every one and the rules read the about text, website, phone and
    /// emails), the website as a link, the picture and cover (the banner) as media (CDN signatures dropped, so that a
    /// rotated signature is not an edit). The Page always has an about text and a website field: Graph leaves an empty
    /// one out of the answer, so it is written <c>""</c> (missing), never left unknown.
    /// </summary>
    public static Item MapProfile(JsonElement page, Account account)
    {
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        void Fact(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                facts[name] = value.Trim();
            }
        }
        Fact(ProfileFacts.Name, String(page, "name"));
        Fact(ProfileFacts.Handle, String(page, "username"));
        Fact("link", String(page, "link"));
        Fact(ProfileFacts.Bio, String(page, "about"));
        Fact(ProfileFacts.Website, String(page, "website"));
        Fact(ProfileFacts.Phone, String(page, "phone"));
        Fact(ProfileFacts.Email, page.TryGetProperty("emails", out var emails) && emails.ValueKind == JsonValueKind.Array
            ? string.Join(", ", emails.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()))
            : null);
        Fact(ProfileFacts.Address, String(page, "single_line_address"));
        Fact(ProfileFacts.Hours, Hours(page));
        Fact("category", page.TryGetProperty("category_list", out var categories) && categories.ValueKind == JsonValueKind.Array
            ? string.Join(", ", categories.EnumerateArray().Select(c => String(c, "name")).OfType<string>())
            : String(page, "category"));
        var picture = page.TryGetProperty("picture", out var p) && p.ValueKind == JsonValueKind.Object
            ? StripSignature(p.TryGetProperty("data", out var pd) ? String(pd, "url") : String(p, "url"))
            : null;
        var cover = page.TryGetProperty("cover", out var c) && c.ValueKind == JsonValueKind.Object ? StripSignature(String(c, "source")) : null;
        Fact(ProfileFacts.Picture, picture);
        Fact(ProfileFacts.Banner, cover);
        facts.TryAdd(ProfileFacts.Bio, "");
        facts.TryAdd(ProfileFacts.Website, "");
        // The linked Instagram professional account's user id: governance finds a linked account that is not registered.
        Fact(InstagramFact, page.TryGetProperty("instagram_business_account", out var ig) && ig.ValueKind == JsonValueKind.Object ? String(ig, "id") : null);

        var links = (facts.GetValueOrDefault(ProfileFacts.Website) ?? "")
            .Split([' ', ',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Contains("://", StringComparison.Ordinal) ? w : "http://" + w)
            .Where(w => Uri.TryCreate(w, UriKind.Absolute, out _))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var id = String(page, "id") ?? account.PlatformId;
        return new Item
        {
            Id = id,
            Platform = PlatformNames.Facebook,
            Account = account.Id,
            Kind = ItemKinds.Profile,
            Origin = ItemOrigins.Official,
            Author = new ItemAuthor(id, facts.GetValueOrDefault(ProfileFacts.Name)),
            // The Page's own address and its images are not links the library publishes: they stay out of the text the rules
            // read; the images are media, so the content hash still covers them.
            Text = string.Join('\n', facts.Where(f => f.Key is not ("link" or ProfileFacts.Picture or ProfileFacts.Banner or InstagramFact) && f.Value.Length > 0).Select(f => $"{f.Key}: {f.Value}")),
            Links = links,
            Media = [.. new[] { picture, cover }.OfType<string>().Select(url => new ItemMedia("photo", url, AltText: null, Captions: null))],
            Permalink = facts.GetValueOrDefault("link"),
            Facts = facts,
        };
    }

    /// <summary>A person with a role on the Page (kind role, id <c>{page}/roles/{user}</c>): who, and the tasks they may do.</summary>
    public static Item? MapRole(JsonElement role, Account account)
    {
        var userId = String(role, "id");
        if (string.IsNullOrEmpty(userId))
        {
            return null;
        }
        var name = String(role, "name");
        var tasks = Strings(role, "tasks") is { Count: > 0 } list ? list : Strings(role, "perms");
        var facts = new Dictionary<string, string>(StringComparer.Ordinal) { ["userId"] = userId, ["name"] = name ?? "", ["tasks"] = string.Join(", ", tasks) };
        if (String(role, "role") is { } legacyRole)
        {
            facts["role"] = legacyRole;
        }
        return AccountFact(account, $"{account.PlatformId}/roles/{userId}", ItemKinds.Role, new ItemAuthor(userId, name), facts, inText: _ => true);
    }

    /// <summary>An app subscribed to the Page (kind app, id <c>{page}/subscribed_apps/{app}</c>): which, and the fields it receives.</summary>
    public static Item? MapApp(JsonElement app, Account account)
    {
        var appId = String(app, "id");
        if (string.IsNullOrEmpty(appId))
        {
            return null;
        }
        var facts = new Dictionary<string, string>(StringComparer.Ordinal) { ["appId"] = appId, ["name"] = String(app, "name") ?? "" };
        if (String(app, "category") is { } category)
        {
            facts["category"] = category;
        }
        if (String(app, "link") is { } link)
        {
            facts["link"] = link;
        }
        facts["subscribedFields"] = string.Join(", ", Strings(app, "subscribed_fields"));
        // The app's own home page is a fact about the app, not a link the library publishes.
        return AccountFact(account, $"{account.PlatformId}/subscribed_apps/{appId}", ItemKinds.App, new ItemAuthor(appId, facts["name"]), facts,
            inText: key => key != "link");
    }

    /// <summary>A role or app of the Page: its facts, as lines of text (those <paramref name="inText"/> keeps) so the content hash covers them.</summary>
    private static Item AccountFact(Account account, string id, string kind, ItemAuthor author, Dictionary<string, string> facts, Func<string, bool> inText) => new()
    {
        Id = id,
        Platform = PlatformNames.Facebook,
        Account = account.Id,
        Kind = kind,
        ParentId = account.PlatformId,
        Origin = ItemOrigins.Official,
        Author = author,
        Text = string.Join('\n', facts.Where(f => inText(f.Key)).Select(f => $"{f.Key}: {f.Value}")),
        Facts = facts,
    };

    /// <summary>Facebook's <c>{"mon_1_open":"09:00","mon_1_close":"18:00",…}</c> as <c>mon 09:00-18:00; tue …</c>, in week order.</summary>
    private static string? Hours(JsonElement page)
    {
        if (!page.TryGetProperty("hours", out var hours) || hours.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        var values = hours.EnumerateObject().Where(h => h.Value.ValueKind == JsonValueKind.String)
            .ToDictionary(h => h.Name, h => h.Value.GetString()!, StringComparer.Ordinal);
        var spans = new List<string>();
        foreach (var day in s_days)
        {
            for (var n = 1; values.TryGetValue($"{day}_{n}_open", out var open); n++)
            {
                spans.Add($"{day} {open}-{values.GetValueOrDefault($"{day}_{n}_close")}");
            }
        }
        return spans.Count == 0 ? null : string.Join("; ", spans);
    }

    /// <summary>Facebook CDN media URLs carry a rotating signature (<c>oh=</c>, <c>oe=</c>): without it, the same image keeps the same URL.</summary>
    internal static string? StripSignature(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Query.Length == 0)
        {
            return url;
        }
        var cdn = uri.Host.EndsWith(".fbcdn.net", StringComparison.OrdinalIgnoreCase) || uri.Host.StartsWith("scontent", StringComparison.OrdinalIgnoreCase);
        return cdn ? uri.GetLeftPart(UriPartial.Path) : url;
    }

    private static List<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var values) && values.ValueKind == JsonValueKind.Array
            ? [.. values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!)]
            : [];

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
            // The Graph API reports neither a photo's alt text nor a video's captions: both unknown, never "missing".
            media.Add(new ItemMedia(mediaType, StripSignature(source), AltText: null, Captions: null));
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
