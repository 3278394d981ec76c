namespace SocialMonitor.Core.Approvals;

/// <summary>
/// What to approve, as the body of <c>POST /api/approvals/{kind}</c> and the options of <c>approvals add</c> give it;
/// <see cref="ApprovalService.AddAsync"/> normalises and checks it. Which fields a kind takes:
/// links <c>match</c>, <c>value</c>; accounts <c>value</c> (the account id, or only <c>scope</c>); access <c>value</c>
/// (the person's email), <c>role</c>, <c>person</c>, <c>reviewOn</c>, <c>closesOn</c>; apps <c>value</c> (the app id),
/// <c>appName</c>; attestations <c>value</c> (the fact: roles, apps or groups), <c>statement</c>, <c>reviewOn</c> (when
/// the next is due). Every kind: <c>scope</c>, <c>expires</c>, <c>note</c>.
/// </summary>
public sealed record ApprovalRequest
{
    public string? Match { get; init; }
    public string? Value { get; init; }
    public string? Scope { get; init; }
    public DateOnly? Expires { get; init; }
    public string? Note { get; init; }
    public string? Role { get; init; }
    public string? Person { get; init; }
    public DateOnly? ReviewOn { get; init; }
    public DateOnly? ClosesOn { get; init; }
    public string? AppName { get; init; }
    public string? Statement { get; init; }
}
