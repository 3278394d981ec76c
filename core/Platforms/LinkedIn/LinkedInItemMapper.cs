using System.Text.Json;
using System.Text.RegularExpressions;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Items;

namespace SocialMonitor.Core.Platforms.LinkedIn;

/// <summary>
/// LinkedIn's Rest.li entities as items: a post of <c>/rest/posts</c>, a comment or nested comment of
/// <c>/rest/socialActions/{urn}/comments</c>, the organization of <c>/rest/organizations/{id}</c>, and the people holding a
/// role on it (<c>/rest/organizationAcls</c>), in the shape of Facebook's role items (facts <c>userId</c>, <c>name</c>,
/// <c>tasks</c>, <c>role</c>). Times are epoch milliseconds. LinkedIn names members only by URN (a name needs a lookup the
/// token may not make), so authors and role holders have no name (unknown, null).
/// </summary>
public static partial class LinkedInItemMapper
{
    /// <summary>The roles of an organization, most powerful first: the first a person holds is their <c>role</c> fact.</summary>
    public static readonly IReadOnlyList<string> Roles =
        ["ADMINISTRATOR", "CONTENT_ADMINISTRATOR", "DIRECT_SPONSORED_CONTENT_POSTER", "RECRUITING_POSTER", "ANALYST", "CURATOR"];

    /// <summary>A post (kind post, id its URN); null without an id. An edit is <c>lifecycleStateInfo.isEditedByAuthor</c>.</summary>
    public static Item? MapPost(JsonElement post, Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (String(post, "id") is not { Length: > 0 } id)
        {
            return null;
        }
        var links = new List<string>();
        var media = new List<ItemMedia>();
        if (post.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Object)
        {
            if (content.TryGetProperty("article", out var article) && String(article, "source") is { } source)
            {
                links.Add(source);
            }
            if (content.TryGetProperty("media", out var single) && single.ValueKind == JsonValueKind.Object)
            {
                media.Add(Media(single));
            }
            if (content.TryGetProperty("multiImage", out var multi) && multi.TryGetProperty("images", out var images) && images.ValueKind == JsonValueKind.Array)
            {
                media.AddRange(images.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object).Select(Media));
            }
        }
        var author = String(post, "author");
        var edited = post.TryGetProperty("lifecycleStateInfo", out var info) && info.ValueKind == JsonValueKind.Object
            && info.TryGetProperty("isEditedByAuthor", out var e) && e.ValueKind == JsonValueKind.True;
        var text = LittleText(String(post, "commentary") ?? "");
        // A reshare carries the post it shares (reshareContext.parent); the item says so in its text by URN (not a link the
        // library publishes, so no link rule reads it), so the record keeps it.
        if (post.TryGetProperty("reshareContext", out var reshare) && String(reshare, "parent") is { } parent)
        {
            text = text.Length == 0 ? $"(reshare of {parent})" : $"{text}\n(reshare of {parent})";
        }
        return new Item
        {
            Id = id,
            Platform = PlatformNames.LinkedIn,
            Account = account.Id,
            Kind = ItemKinds.Post,
            Origin = author == account.PlatformId ? ItemOrigins.Official : ItemOrigins.Guest,
            Author = author is null ? null : new ItemAuthor(author, null),
            Text = text,
            Links = links,
            Media = media,
            CreatedAt = Millis(post, "publishedAt") ?? Millis(post, "createdAt"),
            EditedAt = edited ? Millis(post, "lastModifiedAt") : null,
            Permalink = Permalink(id),
        };
    }

    /// <summary>When the post last changed (<c>lastModifiedAt</c>), the watermark the posts read pages to.</summary>
    public static DateTimeOffset? LastModified(JsonElement post) => Millis(post, "lastModifiedAt") ?? Millis(post, "createdAt");

    /// <summary>
    /// A comment on a post (kind comment, parent the post) or on a comment (kind reply, parent that comment); id the
    /// comment URN (<c>$URN</c> or <c>commentUrn</c>, else built from <c>object</c> and <c>id</c>); null without one. Edited
    /// when <c>lastModified.time</c> is after <c>created.time</c>.
    /// </summary>
    public static Item? MapComment(JsonElement comment, string postUrn, string? parentCommentUrn, Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (CommentUrn(comment) is not { } urn)
        {
            return null;
        }
        var actor = String(comment, "actor");
        var links = new List<string>();
        var media = new List<ItemMedia>();
        if (comment.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Array)
        {
            foreach (var part in content.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.Object))
            {
                var type = String(part, "type");
                if (type is "IMAGE" or "VIDEO")
                {
                    media.Add(new ItemMedia(type == "IMAGE" ? "photo" : "video", String(part, "url"), AltText: null, Captions: null));
                }
                else if (String(part, "url") is { } url)
                {
                    links.Add(url);
                }
            }
        }
        var created = Time(comment, "created");
        var modified = Time(comment, "lastModified");
        var parent = parentCommentUrn ?? String(comment, "parentComment");
        return new Item
        {
            Id = urn,
            Platform = PlatformNames.LinkedIn,
            Account = account.Id,
            Kind = parent is null ? ItemKinds.Comment : ItemKinds.Reply,
            ParentId = parent ?? postUrn,
            Origin = actor == account.PlatformId ? ItemOrigins.Official : ItemOrigins.Guest,
            Author = actor is null ? null : new ItemAuthor(actor, null),
            Text = comment.TryGetProperty("message", out var message) ? LittleText(String(message, "text") ?? "") : "",
            Links = links,
            Media = media,
            CreatedAt = created,
            EditedAt = modified > created ? modified : null,
            Permalink = Permalink(postUrn),
        };
    }

    /// <summary>The URN of a comment: <c>$URN</c>, <c>commentUrn</c>, or <c>urn:li:comment:({object},{id})</c>.</summary>
    public static string? CommentUrn(JsonElement comment) =>
        String(comment, "$URN") ?? String(comment, "commentUrn")
        ?? (String(comment, "object") is { } o && String(comment, "id") is { } i ? $"urn:li:comment:({o},{i})" : null);

    /// <summary>How many comments answer this comment, when the entity says (<c>commentsSummary</c>); null when it does not.</summary>
    public static int? Replies(JsonElement comment) =>
        comment.TryGetProperty("commentsSummary", out var summary) && summary.ValueKind == JsonValueKind.Object
        && summary.TryGetProperty("aggregatedTotalComments", out var total) && total.TryGetInt32(out var n)
            ? n
            : null;

    /// <summary>The organization (kind profile): name, vanity name, website, description, logo, as facts and text.</summary>
    public static Item MapProfile(JsonElement organization, Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        void Fact(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                facts[name] = value.Trim();
            }
        }
        Fact(ProfileFacts.Name, String(organization, "localizedName") ?? Localized(organization, "name"));
        Fact(ProfileFacts.Handle, String(organization, "vanityName"));
        Fact(ProfileFacts.Website, String(organization, "localizedWebsite") ?? Localized(organization, "website"));
        Fact(ProfileFacts.Bio, String(organization, "localizedDescription") ?? Localized(organization, "description"));
        // An organization page always has a website and a description field; one left out is empty (missing), not unknown.
        facts.TryAdd(ProfileFacts.Website, "");
        facts.TryAdd(ProfileFacts.Bio, "");
        var logo = organization.TryGetProperty("logoV2", out var l2) ? String(l2, "original") ?? String(l2, "cropped")
            : organization.TryGetProperty("logo", out var l1) ? String(l1, "original") ?? String(l1, "cropped") : null;
        Fact("logo", logo);
        var link = facts.TryGetValue(ProfileFacts.Handle, out var vanity) ? $"https://www.linkedin.com/company/{vanity}/" : null;
        Fact("link", link);
        var links = facts.TryGetValue(ProfileFacts.Website, out var website) && website.Length > 0 && Uri.TryCreate(website.Contains("://", StringComparison.Ordinal) ? website : "http://" + website,
            UriKind.Absolute, out var site) ? new List<string> { site.ToString() } : [];
        return new Item
        {
            Id = account.PlatformId,
            Platform = PlatformNames.LinkedIn,
            Account = account.Id,
            Kind = ItemKinds.Profile,
            Origin = ItemOrigins.Official,
            Author = new ItemAuthor(account.PlatformId, facts.GetValueOrDefault(ProfileFacts.Name)),
            // The page's own address and its logo are not links the library publishes: they stay out of the text the rules read.
            Text = string.Join('\n', facts.Where(f => f.Key is not ("link" or "logo") && f.Value.Length > 0).Select(f => $"{f.Key}: {f.Value}")),
            Links = links,
            // The logo is a media URN, not a URL; alt text is not a thing LinkedIn has for it (unknown).
            Media = logo is null ? [] : [new ItemMedia("photo", logo, AltText: null, Captions: null)],
            Permalink = link,
            Facts = facts,
        };
    }

    /// <summary>
    /// The people with an approved role on the organization, one item per person (kind role, id <c>{org}/roles/{person}</c>)
    /// with every role they hold as <c>tasks</c> and the most powerful as <c>role</c>, from the access-control entries of
    /// every per-role query.
    /// </summary>
    public static List<Item> MapRoles(IEnumerable<JsonElement> acls, Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var byPerson = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var acl in acls)
        {
            if (String(acl, "roleAssignee") is not { Length: > 0 } person || String(acl, "role") is not { Length: > 0 } role
                || (String(acl, "state") is { } state && state != "APPROVED"))
            {
                continue;
            }
            if (!byPerson.TryGetValue(person, out var roles))
            {
                byPerson[person] = roles = new SortedSet<string>(Comparer<string>.Create((a, b) => Rank(a).CompareTo(Rank(b)) is var c && c != 0 ? c : string.CompareOrdinal(a, b)));
            }
            roles.Add(role);
        }
        return [.. byPerson.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p =>
        {
            var facts = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["userId"] = p.Key, ["name"] = "", ["tasks"] = string.Join(", ", p.Value), ["role"] = p.Value.Min!,
            };
            return new Item
            {
                Id = $"{account.PlatformId}/roles/{p.Key}",
                Platform = PlatformNames.LinkedIn,
                Account = account.Id,
                Kind = ItemKinds.Role,
                ParentId = account.PlatformId,
                Origin = ItemOrigins.Official,
                Author = new ItemAuthor(p.Key, null),
                Text = string.Join('\n', facts.Select(f => $"{f.Key}: {f.Value}")),
                Facts = facts,
            };
        })];
    }

    /// <summary>Where a post or activity is shown: <c>https://www.linkedin.com/feed/update/{urn}/</c>.</summary>
    public static string Permalink(string urn) => $"https://www.linkedin.com/feed/update/{urn}/";

    private static int Rank(string role) => Roles.Contains(role) ? Roles.ToList().IndexOf(role) : Roles.Count;

    private static ItemMedia Media(JsonElement media)
    {
        var id = String(media, "id") ?? "";
        var type = id.StartsWith("urn:li:video:", StringComparison.Ordinal) ? "video" : id.StartsWith("urn:li:document:", StringComparison.Ordinal) ? "document" : "photo";
        // Alt text is a field of an image the author may leave out: absent is unknown (null), never "".
        return new ItemMedia(type, id.Length == 0 ? null : id, type == "photo" ? String(media, "altText") : null, Captions: null);
    }

    /// <summary>LinkedIn's "little text" markup as plain text: <c>@[Name](urn)</c> as Name, <c>{hashtag|\#|tag}</c> as #tag, <c>\x</c> as x.</summary>
    internal static string LittleText(string text) =>
        Escaped().Replace(Hashtag().Replace(Mention().Replace(text, "$1"), "#$1"), "$1");

    private static DateTimeOffset? Millis(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
        && value.TryGetInt64(out var ms) && ms > 0
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;

    private static DateTimeOffset? Time(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var stamp) ? Millis(stamp, "time") : null;

    private static string? Localized(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object && value.TryGetProperty("localized", out var localized)
        && localized.ValueKind == JsonValueKind.Object
            ? localized.EnumerateObject().Select(l => l.Value.ValueKind == JsonValueKind.String ? l.Value.GetString() : null).FirstOrDefault(v => v is not null)
            : null;

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex(@"@\[([^\]]*)\]\(urn:li:[^)]*\)")]
    private static partial Regex Mention();

    [GeneratedRegex(@"\{hashtag\|\\?#\|([^}]*)\}")]
    private static partial Regex Hashtag();

    [GeneratedRegex(@"\\([\\#@\[\]\(\)\{\}<>|*_~])")]
    private static partial Regex Escaped();
}
