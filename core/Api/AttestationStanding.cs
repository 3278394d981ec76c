namespace SocialMonitor.Core.Api;

/// <summary>
/// One fact of an account that a manager attests because the platform cannot show it (roles, apps, outside groups), as
/// <c>GET /api/health</c> shows it: <see cref="Status"/> <c>attested</c> (an attestation in force, not yet due),
/// <c>due</c> (the latest one's due date passed) or <c>missing</c> (none in force); the attestation with the latest due
/// date; and the open <c>governance.attestation-due</c> finding about it, if the daily review raised one.
/// </summary>
public sealed record AttestationStanding(
    string Fact, string Status, string? AttestationId, string? Approver, DateOnly? Date, DateOnly? DueOn, string? Statement, string? FindingId)
{
    public const string Attested = "attested";
    public const string Due = "due";
    public const string Missing = "missing";
}
