namespace SocialMonitor.Core.Audit;

/// <summary>
/// One change of a finding, an approval or an account: who, when, what it was before and after (JSON), and why.
/// <see cref="Subject"/> is <c>finding</c>, <c>approval</c> or <c>account</c>.
/// </summary>
public sealed record AuditEntry(
    string Id, DateTimeOffset At, string Actor, string Subject, string SubjectId, string? Location, string Action, string? Before, string? After, string Why);
