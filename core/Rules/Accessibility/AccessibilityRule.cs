using System.Globalization;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Rules.Conduct;

namespace SocialMonitor.Core.Rules.Accessibility;

/// <summary>
/// <c>accessibility.alt-text|captions|hashtag-case</c> on official items only (ADA Title II, WCAG 2.1 AA):
/// <list type="bullet">
/// <item>every photo needs alt text: empty, a file name ("IMG_4471.JPG"), a bare "photo" or Facebook's automatic
/// "May be an image of…" count as none; one detection per photo, keyed by its URL without the query. Null alt text is
/// unknown (the platform does not report it, as Facebook's Graph API does not) and never a detection;</item>
/// <item>every video needs captions: <c>false</c> (the platform says it has none) is a detection, one per video;
/// null (the platform does not say) is unknown and never a detection;</item>
/// <item>a multi-word hashtag must be CamelCase: one written all in lowercase or all in capitals (or capitalised only at
/// its start) that splits into two or more English words is a detection, keyed by the lowercase tag.</item>
/// </list>
/// </summary>
public sealed class AccessibilityRule : IRule
{
    public const string AltText = "accessibility.alt-text";
    public const string Captions = "accessibility.captions";
    public const string HashtagCase = "accessibility.hashtag-case";

    private const int MaxTagLength = 64;

    private static readonly string[] s_placeholderAltTexts = ["photo", "image", "picture", "pic", "img", "graphic", "untitled", "alt", "alt text"];
    private static readonly string[] s_automaticAltTexts = ["may be an image of", "may be a graphic of", "may be a photo of", "may be a cartoon of", "no photo description available", "may be an illustration of"];
    private static readonly string[] s_imageExtensions = [".jpg", ".jpeg", ".png", ".gif", ".heic", ".webp", ".bmp", ".tif", ".tiff"];

    public string Family => "accessibility";

    public IEnumerable<Detection> Evaluate(Item item, RuleContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(context);
        // What staff publish: posts, comments and replies. A page's profile picture and cover carry no alt text on the platforms.
        if (item.Origin != ItemOrigins.Official || item.Kind is not (ItemKinds.Post or ItemKinds.Comment or ItemKinds.Reply))
        {
            return [];
        }
        List<Detection>? detections = null;
        for (var i = 0; i < item.Media.Count; i++)
        {
            var media = item.Media[i];
            var key = MediaKey(media, i);
            var which = string.Create(CultureInfo.InvariantCulture, $"{media.Type} {i + 1} of {item.Media.Count}");
            if (media.Type is "photo" or "image" && media.AltText is { } alt && !HasAltText(alt))
            {
                Add(AltText, $"{which}: alt text {(alt.Trim().Length == 0 ? "empty" : $"'{alt.Trim()}'")}", key,
                    "Images need alt text that describes them (an empty, automatic or file-name alt text is none); add it in the post's photo settings.");
            }
            else if (media.Type == "video" && media.Captions == false)
            {
                Add(Captions, $"{which}: no captions", key, "Videos need captions; add them before or right after posting.");
            }
        }
        if (item.Text.Contains('#', StringComparison.Ordinal))
        {
            Hashtags(item.Text);
        }
        return detections ?? (IEnumerable<Detection>)[];

        void Add(string rule, string evidence, string key, string explanation, int? offset = null, int? length = null) =>
            (detections ??= []).Add(new Detection(rule, context.Policy.SeverityOf(rule, Severities.Low), Clauses.Accessibility, evidence, key, explanation)
            {
                Offset = offset,
                Length = length,
            });

        void Hashtags(string text)
        {
            var words = WordList.ForHashtags(context.Policy);
            Span<char> lower = stackalloc char[MaxTagLength];
            for (var at = text.IndexOf('#', StringComparison.Ordinal); at >= 0 && at + 1 < text.Length; at = text.IndexOf('#', at + 1))
            {
                if (at > 0 && (char.IsLetterOrDigit(text[at - 1]) || text[at - 1] is '/' or '&' or '#'))
                {
                    continue;
                }
                var end = at + 1;
                while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '_'))
                {
                    end++;
                }
                var tag = text.AsSpan(at + 1, end - at - 1);
                if (tag.Length is < 4 or > MaxTagLength || tag.ContainsAnyExceptInRange('A', 'z') || IsCamelCase(tag))
                {
                    continue;
                }
                var length = tag.ToLowerInvariant(lower);
                var key = "#" + lower[..length].ToString();
                if (HashtagSegmenter.CountWords(lower[..length], words) >= 2 && !(detections?.Exists(d => d.Rule == HashtagCase && d.EvidenceKey == key) ?? false))
                {
                    Add(HashtagCase, $"'#{tag}'", key,
                        $"Screen readers read a multi-word hashtag as one word unless each word starts with a capital; write #{tag} in CamelCase.", at, end - at);
                }
            }
        }
    }

    /// <summary>
    /// The media's URL without its query (platform CDNs sign URLs with expiring parameters, and the same photo must stay
    /// the same finding), or its position when it has no URL.
    /// </summary>
    private static string MediaKey(ItemMedia media, int index) =>
        media.Url is { Length: > 0 } url ? url.Split('?', 2)[0] : string.Create(CultureInfo.InvariantCulture, $"{media.Type}[{index}]");

    private static bool HasAltText(string altText)
    {
        var alt = altText.Trim();
        if (alt.Length == 0 || s_placeholderAltTexts.Contains(alt, StringComparer.OrdinalIgnoreCase))
        {
            return false;
        }
        foreach (var automatic in s_automaticAltTexts)
        {
            if (alt.StartsWith(automatic, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }
        foreach (var extension in s_imageExtensions)
        {
            if (alt.EndsWith(extension, StringComparison.OrdinalIgnoreCase) && !alt.Contains(' ', StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A capital after the first letter, and not all capitals: "StoryTime", "TBTThursday".</summary>
    private static bool IsCamelCase(ReadOnlySpan<char> tag) =>
        tag[1..].ContainsAnyInRange('A', 'Z') && tag.ContainsAnyInRange('a', 'z');
}
