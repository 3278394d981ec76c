using System.Text.Json.Serialization;

namespace SocialMonitor.Core.Policies;

/// <summary>
/// CLN's policy as the rules, the mailer and the SLA read it: <c>policy/policy.json</c> (found by <c>Policy__Path</c>)
/// and the term lists beside it, loaded by <see cref="PolicyLoader"/>.
/// </summary>
public sealed record Policy
{
    /// <summary>IANA time zone of the district (digests go at local hours; SLAs count local business hours).</summary>
    public required string TimeZone { get; init; }

    /// <summary>The library's own domains; any subdomain is the library's too.</summary>
    public required IReadOnlyList<string> OwnDomains { get; init; }

    /// <summary>Top-level domains always allowed as link targets (<c>edu</c>, <c>gov</c>).</summary>
    public required IReadOnlyList<string> AllowedTopLevelDomains { get; init; }

    /// <summary>The library's published contacts: never personal data.</summary>
    public required PublishedContacts Contacts { get; init; }

    public IReadOnlyList<PolicyLocation> Locations { get; init; } = [];

    /// <summary>Days the library is closed: not business days for SLAs.</summary>
    public IReadOnlyList<DateOnly> Holidays { get; init; } = [];

    public BusinessHours BusinessHours { get; init; } = new();

    /// <summary>Business hours within which an open critical or high finding must be acknowledged.</summary>
    public SlaHours Sla { get; init; } = new();

    /// <summary>The approvals' review and due defaults and the platform roles' levels.</summary>
    public ApprovalPolicy Approvals { get; init; } = new();

    /// <summary>Days each record series is kept; none set (the default): every record is kept forever.</summary>
    public RetentionPolicy Retention { get; init; } = new();

    /// <summary>Severity overrides by rule id (<c>"conduct.profanity": "low"</c>).</summary>
    public IReadOnlyDictionary<string, string> Severities { get; init; } = new Dictionary<string, string>();

    /// <summary>Term lists by name, as paths relative to the policy file (<c>"conduct.profanity": "lists/profanity.txt"</c>).</summary>
    public IReadOnlyDictionary<string, string> Lists { get; init; } = new Dictionary<string, string>();

    /// <summary>Optional conduct tiers (the mild expletives), each off unless turned on.</summary>
    public ConductTiers Tiers { get; init; } = new();

    /// <summary>Link shortener hosts: resolved when resolution is on, else flagged as hiding their target.</summary>
    public IReadOnlyList<string> Shorteners { get; init; } = [];

    /// <summary>How the optional classifier's categories map to rules, and whether official posts are classified too.</summary>
    public ClassifierPolicy Classifier { get; init; } = new();

    /// <summary>What makes an official account recognisably the library's, and how current it must be (the <c>branding</c> rules).</summary>
    public BrandingPolicy Branding { get; init; } = new();

    /// <summary>The lists' contents, by list name: one term per line, comments (#) and blank lines dropped. Filled by the loader.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ListContents { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The severity of <paramref name="rule"/>: the policy's override, else <paramref name="fallback"/>.</summary>
    public string SeverityOf(string rule, string fallback) => Severities.TryGetValue(rule, out var severity) ? severity : fallback;

    /// <summary><see cref="TimeZone"/> as a <see cref="TimeZoneInfo"/> (the loader checked that it is a known one).</summary>
    [JsonIgnore]
    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>The district's local date at <paramref name="at"/>, in <see cref="TimeZone"/>.</summary>
    public DateOnly LocalDate(DateTimeOffset at) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(TimeZone)).DateTime);

    /// <summary>A list's terms, or none when the policy names no such list.</summary>
    public IReadOnlyList<string> List(string name) => ListContents.TryGetValue(name, out var terms) ? terms : [];
}
