namespace SocialMonitor.Core.Items;

/// <summary>
/// The names of a profile item's facts, the same on every platform (docs/architecture.md, "The item, as JSON"), so that
/// the branding rules read one vocabulary. A fact the platform does not carry is absent (unknown: no rule fires on it);
/// one it carries empty is <c>""</c> (missing). The daily account review's items (kind <c>account</c>) carry the latest
/// profile's facts under these names too, and <see cref="LastOfficialPostAt"/>.
/// </summary>
public static class ProfileFacts
{
    public const string Name = "name";

    /// <summary>The handle or vanity name, without the platform's address (<c>CLNHayden</c>, <c>@clnpostfalls</c>).</summary>
    public const string Handle = "handle";

    /// <summary>The profile picture's URL (the logo).</summary>
    public const string Picture = "picture";

    /// <summary>The banner or cover image's URL.</summary>
    public const string Banner = "banner";

    /// <summary>The website the profile links.</summary>
    public const string Website = "website";

    /// <summary>The bio, description or "about" text.</summary>
    public const string Bio = "bio";

    /// <summary>The links of the bio, where the platform gives them apart from its text (X's expanded t.co links), space-separated.</summary>
    public const string BioLinks = "bioLinks";

    public const string Phone = "phone";

    /// <summary>The profile's email addresses, comma-separated.</summary>
    public const string Email = "email";

    /// <summary>The street address, on one line.</summary>
    public const string Address = "address";

    /// <summary>Opening hours as <c>mon 10:00-19:00; tue 10:00-19:00; …</c>: a day not listed is closed.</summary>
    public const string Hours = "hours";

    /// <summary>The picture's perceptual hash (16 hex digits), added by the scanner, which fetched it.</summary>
    public const string PictureHash = "pictureHash";

    /// <summary>The banner's perceptual hash (16 hex digits), added by the scanner.</summary>
    public const string BannerHash = "bannerHash";

    /// <summary>Why the scanner could not fetch or decode the picture (no hash: the image check cannot run).</summary>
    public const string PictureUnreadable = "pictureUnreadable";

    /// <summary>Why the scanner could not fetch or decode the banner.</summary>
    public const string BannerUnreadable = "bannerUnreadable";

    /// <summary>On an <c>account</c> item: the time (ISO 8601 UTC) of the latest official item stored for the account; absent when unknown.</summary>
    public const string LastOfficialPostAt = "lastOfficialPostAt";

    /// <summary>
    /// On an <c>account</c> item with no official item stored: the earliest time (ISO 8601 UTC) the account's posts have
    /// been read from, when they were read to the end at least once (nothing was posted since then); absent otherwise.
    /// </summary>
    public const string NoOfficialPostSince = "noOfficialPostSince";

    /// <summary>The image facts and the facts the scanner adds for each: (URL fact, hash fact, unreadable fact).</summary>
    public static readonly IReadOnlyList<(string Url, string Hash, string Unreadable)> Images =
        [(Picture, PictureHash, PictureUnreadable), (Banner, BannerHash, BannerUnreadable)];
}
