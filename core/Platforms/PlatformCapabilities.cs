namespace SocialMonitor.Core.Platforms;

/// <summary>
/// What a platform's client can read, one <see cref="CapabilityState"/> per name of <see cref="Names"/>, and notes on
/// the known gaps of what it does read (Facebook's roles miss people assigned only in Business Manager). The health
/// endpoint and <c>socialmonitor health</c> show them per account; a platform with no client is <see cref="NotYet"/>.
/// </summary>
public sealed class PlatformCapabilities
{
    public const string Posts = "posts";
    public const string Comments = "comments";
    public const string Replies = "replies";
    public const string Hidden = "hidden";
    public const string Deletions = "deletions";
    public const string Edits = "edits";
    public const string AltText = "altText";
    public const string Captions = "captions";
    public const string Profile = "profile";
    public const string Roles = "roles";
    public const string Apps = "apps";

    /// <summary>The profile picture and banner, fetched and hashed: the <c>branding.image</c> check.</summary>
    public const string ProfileImages = "profileImages";

    /// <summary>The profile's website field: <c>branding.website</c>.</summary>
    public const string Website = "website";

    /// <summary>A bio or about text that can link the comment policy: <c>branding.policy-link</c>.</summary>
    public const string PolicyLink = "policyLink";

    /// <summary>Phone, email and street address on the profile: <c>branding.contacts</c>.</summary>
    public const string Contacts = "contacts";

    /// <summary>Opening hours on the profile: <c>branding.contacts</c> (hours).</summary>
    public const string Hours = "hours";

    /// <summary>Every capability, in the order the tables show them.</summary>
    public static readonly IReadOnlyList<string> Names =
        [Posts, Comments, Replies, Hidden, Deletions, Edits, AltText, Captions, Profile, Roles, Apps, ProfileImages, Website, PolicyLink, Contacts, Hours];

    /// <summary>A registered platform with no client yet: nothing is read.</summary>
    public static readonly PlatformCapabilities NotYet = new(Names.ToDictionary(n => n, _ => CapabilityState.NotYet));

    private readonly Dictionary<string, CapabilityState> _states;

    /// <summary>Every name of <see cref="Names"/> needs a state, and a note only on a name; anything else is a programming error.</summary>
    public PlatformCapabilities(IReadOnlyDictionary<string, CapabilityState> states, IReadOnlyDictionary<string, string>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(states);
        var unknown = states.Keys.Concat(notes?.Keys ?? []).Except(Names, StringComparer.Ordinal).ToList();
        var missing = Names.Except(states.Keys, StringComparer.Ordinal).ToList();
        if (unknown.Count > 0 || missing.Count > 0)
        {
            throw new ArgumentException(
                $"Capabilities must name each of {string.Join(", ", Names)} once; unknown: {string.Join(", ", unknown)}; missing: {string.Join(", ", missing)}.",
                nameof(states));
        }
        _states = new Dictionary<string, CapabilityState>(states, StringComparer.Ordinal);
        Notes = new Dictionary<string, string>(notes ?? new Dictionary<string, string>(), StringComparer.Ordinal);
    }

    /// <summary>Known gaps of a capability the client reads, by capability name.</summary>
    public IReadOnlyDictionary<string, string> Notes { get; }

    public CapabilityState this[string name] => _states[name];

    /// <summary>Every capability and its state, in the order of <see cref="Names"/>.</summary>
    public IEnumerable<KeyValuePair<string, CapabilityState>> All => Names.Select(n => KeyValuePair.Create(n, _states[n]));

    /// <summary>The names in <paramref name="state"/>, in the order of <see cref="Names"/>.</summary>
    public IReadOnlyList<string> In(CapabilityState state) => [.. Names.Where(n => _states[n] == state)];
}
