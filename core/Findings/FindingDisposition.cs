namespace SocialMonitor.Core.Findings;

/// <summary>
/// A person's change of a finding's status (<c>POST /api/findings/{id}/disposition</c>): resolved with the action taken,
/// dismissed with a reason (and, for a duplicate, the finding it duplicates), acknowledged, escalated (with why), or
/// reopened as <c>open</c> (with why). <see cref="Note"/> is free text kept in the audit log.
/// </summary>
public sealed record FindingDisposition
{
    public const int MaxTextLength = 1000;

    public string? Status { get; init; }
    public string? Action { get; init; }
    public string? Reason { get; init; }
    public string? DuplicateOf { get; init; }
    public string? Note { get; init; }

    /// <summary>What is wrong with this disposition on its own (the finding's current status aside), or null.</summary>
    public string? Problem()
    {
        if (Status is null || !FindingStatuses.All.Contains(Status))
        {
            return $"'status' must be one of {string.Join(", ", FindingStatuses.All)}.";
        }
        if (new[] { Action, Reason, DuplicateOf, Note }.Any(t => t?.Length > MaxTextLength))
        {
            return $"'action', 'reason', 'duplicateOf' and 'note' are at most {MaxTextLength} characters.";
        }
        return Status switch
        {
            FindingStatuses.Resolved when string.IsNullOrWhiteSpace(Action) =>
                "A resolved finding needs 'action': what was done (e.g. \"comment hidden by the Hayden manager\").",
            FindingStatuses.Dismissed when Reason is null =>
                $"A dismissed finding needs 'reason': one of {string.Join(", ", DismissReasons.All)}.",
            FindingStatuses.Dismissed when !DismissReasons.All.Contains(Reason) =>
                $"'reason' is one of {string.Join(", ", DismissReasons.All)}, not '{Reason}': put your own words in 'note'.",
            FindingStatuses.Dismissed when Reason == DismissReasons.Duplicate && string.IsNullOrWhiteSpace(DuplicateOf) =>
                "A finding dismissed as a duplicate needs 'duplicateOf': the id of the finding it duplicates.",
            FindingStatuses.Escalated or FindingStatuses.Open when string.IsNullOrWhiteSpace(Note) =>
                $"Setting a finding {Status} needs 'note': why.",
            _ when Action is not null && Status != FindingStatuses.Resolved => "'action' goes only with status resolved.",
            _ when (Reason ?? DuplicateOf) is not null && Status != FindingStatuses.Dismissed => "'reason' and 'duplicateOf' go only with status dismissed.",
            _ when DuplicateOf is not null && Reason != DismissReasons.Duplicate => "'duplicateOf' goes only with reason duplicate.",
            _ => null,
        };
    }

    /// <summary>Whether a finding in <paramref name="from"/> may be set to <paramref name="to"/> by a person.</summary>
    public static bool Allowed(string from, string to) => (from, to) switch
    {
        (FindingStatuses.Open, FindingStatuses.Acknowledged or FindingStatuses.Resolved or FindingStatuses.Dismissed or FindingStatuses.Escalated) => true,
        (FindingStatuses.Acknowledged, FindingStatuses.Resolved or FindingStatuses.Dismissed or FindingStatuses.Escalated) => true,
        (FindingStatuses.Escalated, FindingStatuses.Acknowledged or FindingStatuses.Resolved or FindingStatuses.Dismissed) => true,
        (FindingStatuses.Resolved or FindingStatuses.Dismissed, FindingStatuses.Open) => true,
        _ => false,
    };

    /// <summary>The statuses a person may set a finding in <paramref name="from"/> to.</summary>
    public static IEnumerable<string> AllowedFrom(string from) => FindingStatuses.All.Where(to => Allowed(from, to));
}
