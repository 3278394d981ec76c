using System.Globalization;
using System.Text.Json.Serialization;
using SocialMonitor.Core.Approvals;

namespace SocialMonitor.Core.Api;

/// <summary>
/// An approval as the API lists it: its kind, its fields, and whether it is in force today (the district's date). A
/// link approval shows the fields it always did (plus its kind); the other kinds' fields appear on their kinds only. Its
/// <c>etag</c> is what a <c>DELETE</c> sends back in <c>If-Match</c>, as for a finding's disposition.
/// </summary>
public sealed record ApprovalView(
    string Kind, string Id,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Match,
    string Value, string Scope, string Approver, DateOnly Date, DateOnly? Expires, string? Note,
    DateTimeOffset? RevokedAt, string? RevokedBy,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? RevokedReason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Role,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Level,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Person,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? ReviewOn,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateOnly? ClosesOn,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AppName,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Statement,
    bool InForce,
    [property: JsonPropertyName("etag"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ETag)
{
    public static ApprovalView From(Approval a, DateOnly today) =>
        new(a.Kind, a.Id, a.Match, a.Value, a.Scope, a.Approver, a.Date, a.Expires, a.Note, a.RevokedAt, a.RevokedBy, a.RevokedReason,
            a.Role, a.Level, a.Person, a.ReviewOn, a.ClosesOn, a.AppName, a.Statement, a.InForce(today),
            a.ETag is null ? null : ETags.ToHeader(a.ETag));

    public static readonly IReadOnlyList<CsvColumn<ApprovalView>> CsvColumns =
    [
        new("kind", a => a.Kind), new("id", a => a.Id), new("match", a => a.Match), new("value", a => a.Value), new("scope", a => a.Scope),
        new("approver", a => a.Approver), new("date", a => Day(a.Date)), new("expires", a => Day(a.Expires)), new("note", a => a.Note),
        new("revokedAt", a => ApiOutput.Time(a.RevokedAt)), new("revokedBy", a => a.RevokedBy), new("revokedReason", a => a.RevokedReason),
        new("role", a => a.Role), new("level", a => a.Level), new("person", a => a.Person), new("reviewOn", a => Day(a.ReviewOn)),
        new("closesOn", a => Day(a.ClosesOn)), new("appName", a => a.AppName), new("statement", a => a.Statement),
        new("inForce", a => a.InForce ? "true" : "false"),
    ];

    private static string? Day(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
