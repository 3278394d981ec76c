using System.Globalization;
using SocialMonitor.Core.Platforms;

namespace SocialMonitor.Core.Api;

/// <summary>
/// One account's capture health: its last good scan, its token's expiry and validity, its open <c>capture</c> findings,
/// and <see cref="Status"/> <c>ok</c>, or <c>attention</c> when it has an open capture finding, was never scanned, or its
/// token expires within <see cref="HealthReport.TokenWarningDays"/> days. <see cref="Capabilities"/> is what its platform
/// lets the monitor read (<see cref="PlatformCapabilities.Names"/>), with the "cannot verify" and "not yet" ones listed
/// apart: those a person checks by hand.
/// </summary>
public sealed record AccountHealth(
    string Account, string Platform, string Location, string Status, DateTimeOffset? LastGoodScan,
    DateTimeOffset? TokenExpiresAt, DateTimeOffset? TokenCheckedAt, int OpenCaptureFindings, IReadOnlyList<CaptureFindingView> CaptureFindings)
{
    /// <summary>What the last token check said; null when the token was never checked.</summary>
    public bool? TokenValid { get; init; }

    public IReadOnlyDictionary<string, CapabilityState> Capabilities { get; init; } = new Dictionary<string, CapabilityState>();
    public IReadOnlyList<string> CannotVerify { get; init; } = [];
    public IReadOnlyList<string> NotYet { get; init; } = [];

    /// <summary>Known gaps of capabilities the platform does show, by capability name.</summary>
    public IReadOnlyDictionary<string, string> CapabilityNotes { get; init; } = new Dictionary<string, string>();

    /// <summary>When the last scan ended, and why it stopped before reading every stream (a bad token, throttling, a spent budget), if it did.</summary>
    public DateTimeOffset? LastScanAt { get; init; }
    public string? LastScanStopped { get; init; }

    /// <summary>Since when the platform throttles the account's scans (its open <c>capture.throttled</c> finding); null: not throttled.</summary>
    public DateTimeOffset? ThrottledSince { get; init; }

    /// <summary>The platform's read budget in the current period; null when the platform has none.</summary>
    public BudgetUse? Budget { get; init; }

    /// <summary>The facts a manager attests by hand (<see cref="AttestationStanding"/>): roles and apps the platform cannot show, outside groups.</summary>
    public IReadOnlyList<AttestationStanding> Attestations { get; init; } = [];

    public static readonly IReadOnlyList<CsvColumn<AccountHealth>> CsvColumns =
    [
        new("account", h => h.Account), new("platform", h => h.Platform), new("location", h => h.Location), new("status", h => h.Status),
        new("lastGoodScan", h => ApiOutput.Time(h.LastGoodScan)), new("tokenExpiresAt", h => ApiOutput.Time(h.TokenExpiresAt)),
        new("tokenCheckedAt", h => ApiOutput.Time(h.TokenCheckedAt)),
        new("openCaptureFindings", h => h.OpenCaptureFindings.ToString(CultureInfo.InvariantCulture)),
        new("tokenValid", h => h.TokenValid switch { true => "true", false => "false", null => "" }),
        new("lastScanStopped", h => h.LastScanStopped), new("throttledSince", h => ApiOutput.Time(h.ThrottledSince)),
        new("budgetUsed", h => h.Budget?.Used.ToString(CultureInfo.InvariantCulture)), new("budgetLimit", h => h.Budget?.Limit.ToString(CultureInfo.InvariantCulture)),
        new("attestationsDue", h => string.Join(' ', h.Attestations.Where(a => a.Status != AttestationStanding.Attested).Select(a => a.Fact))),
        new("cannotVerify", h => string.Join(' ', h.CannotVerify)),
        new("notYet", h => string.Join(' ', h.NotYet)),
        new("captureRules", h => string.Join(' ', h.CaptureFindings.Select(f => f.Rule).Distinct(StringComparer.Ordinal))),
    ];
}
