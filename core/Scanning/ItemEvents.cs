namespace SocialMonitor.Core.Scanning;

/// <summary>What can happen to a captured item, each kept with its time in <see cref="ItemHistory"/>.</summary>
public static class ItemEvents
{
    /// <summary>Its content hash changed: a new version was kept beside the earlier ones.</summary>
    public const string Edited = "edited";

    /// <summary>Gone from its stream and confirmed gone by the platform (its client's <c>IsGoneAsync</c>, on a read of the id).</summary>
    public const string Deleted = "deleted";

    public const string Hidden = "hidden";
    public const string Unhidden = "unhidden";

    /// <summary>A role or app no longer in a complete read of its list (there is no object to confirm it with).</summary>
    public const string Removed = "removed";
}
