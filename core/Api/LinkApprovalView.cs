using System.Globalization;
using SocialMonitor.Core.Approvals;

namespace SocialMonitor.Core.Api;

/// <summary>A link approval as the API lists it, with whether it is in force today (the district's date).</summary>
public sealed record LinkApprovalView(
    string Id, string Match, string Value, string Scope, string Approver, DateOnly Date, DateOnly? Expires, string? Note,
    DateTimeOffset? RevokedAt, string? RevokedBy, bool InForce)
{
    public static LinkApprovalView From(LinkApproval a, DateOnly today) =>
        new(a.Id, a.Match, a.Value, a.Scope, a.Approver, a.Date, a.Expires, a.Note, a.RevokedAt, a.RevokedBy, a.InForce(today));

    public static readonly IReadOnlyList<CsvColumn<LinkApprovalView>> CsvColumns =
    [
        new("id", a => a.Id), new("match", a => a.Match), new("value", a => a.Value), new("scope", a => a.Scope),
        new("approver", a => a.Approver), new("date", a => Day(a.Date)), new("expires", a => Day(a.Expires)), new("note", a => a.Note),
        new("revokedAt", a => ApiOutput.Time(a.RevokedAt)), new("revokedBy", a => a.RevokedBy), new("inForce", a => a.InForce ? "true" : "false"),
    ];

    private static string? Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
