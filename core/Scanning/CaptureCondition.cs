using SocialMonitor.Core.Rules;

namespace SocialMonitor.Core.Scanning;

/// <summary>
/// A condition of the monitor itself that makes one <c>capture</c> finding per account (its id a stable hash of the
/// account, the rule and <see cref="Key"/>), resolved by the system when the condition clears.
/// </summary>
public sealed record CaptureCondition(string Rule, string Key, string Severity)
{
    public const string StaffUse2 = "Staff use 2: account managers monitor the accounts regularly.";

    /// <summary>The platform refused the token (Facebook 190: invalid, expired, revoked).</summary>
    public static readonly CaptureCondition TokenInvalid = new("capture.token-invalid", "token", Severities.High);

    /// <summary>The token (or its data access) expires within <see cref="TokenChecker.Warning"/>.</summary>
    public static readonly CaptureCondition TokenExpiring = new("capture.token-expiring", "token-expiry", Severities.Medium);

    /// <summary>Throttled beyond <c>Scan__MaxWaitSeconds</c>: the scan stopped early.</summary>
    public static readonly CaptureCondition Throttled = new("capture.throttled", "throttle", Severities.Medium);

    /// <summary>The platform's read budget for the period is spent (<see cref="Platforms.PlatformBudget"/>): reads resume in the next period.</summary>
    public static readonly CaptureCondition BudgetExhausted = new("capture.budget-exhausted", "budget", Severities.Medium);

    /// <summary>No scan of the account ran to an end for three schedule intervals.</summary>
    public static readonly CaptureCondition NotScanned = new("capture.not-scanned", "schedule", Severities.High);

    /// <summary>Azure AI Content Safety gave no answer (after retries): items are evaluated by the rules alone until it answers again.</summary>
    public static readonly CaptureCondition ClassifierFailed = new("capture.classifier-failed", "content-safety", Severities.Medium);

    /// <summary>The daily token check could not run for the account (its token unreadable, the platform failing).</summary>
    public static readonly CaptureCondition TokenCheckFailed = new("capture.token-check-failed", "token-check", Severities.High);

    /// <summary>A stream that failed with an error of kind Other (one finding per stream): skipped, read again on the next run.</summary>
    public static CaptureCondition StreamFailed(string stream) => new("capture.stream-failed", stream, Severities.Medium);

    /// <summary>A stream the token may not read (one finding per stream).</summary>
    public static CaptureCondition PermissionMissing(string stream) => new("capture.permission-missing", stream, Severities.High);
}
