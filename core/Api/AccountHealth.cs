using System.Globalization;

namespace SocialMonitor.Core.Api;

/// <summary>
/// One account's capture health: its last good scan, its token's expiry, its open <c>capture</c> findings, and
/// <see cref="Status"/> <c>ok</c>, or <c>attention</c> when it has an open capture finding, was never scanned, or its
/// token expires within <see cref="HealthApi.TokenWarningDays"/> days.
/// </summary>
public sealed record AccountHealth(
    string Account, string Platform, string Location, string Status, DateTimeOffset? LastGoodScan,
    DateTimeOffset? TokenExpiresAt, DateTimeOffset? TokenCheckedAt, int OpenCaptureFindings, IReadOnlyList<CaptureFindingView> CaptureFindings)
{
    public static readonly IReadOnlyList<CsvColumn<AccountHealth>> CsvColumns =
    [
        new("account", h => h.Account), new("platform", h => h.Platform), new("location", h => h.Location), new("status", h => h.Status),
        new("lastGoodScan", h => ApiOutput.Time(h.LastGoodScan)), new("tokenExpiresAt", h => ApiOutput.Time(h.TokenExpiresAt)),
        new("tokenCheckedAt", h => ApiOutput.Time(h.TokenCheckedAt)),
        new("openCaptureFindings", h => h.OpenCaptureFindings.ToString(CultureInfo.InvariantCulture)),
        new("captureRules", h => string.Join(' ', h.CaptureFindings.Select(f => f.Rule).Distinct(StringComparer.Ordinal))),
    ];
}
