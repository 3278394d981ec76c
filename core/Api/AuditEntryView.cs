using System.Text.Json;
using SocialMonitor.Core.Audit;

namespace SocialMonitor.Core.Api;

/// <summary>An audit entry as the API shows it: <c>before</c> and <c>after</c> as JSON values rather than strings.</summary>
public sealed record AuditEntryView(
    string Id, DateTimeOffset At, string Actor, string Subject, string SubjectId, string? Location, string Action,
    JsonElement? Before, JsonElement? After, string Why)
{
    public static AuditEntryView From(AuditEntry entry) => new(
        entry.Id, entry.At, entry.Actor, entry.Subject, entry.SubjectId, entry.Location, entry.Action, Parse(entry.Before), Parse(entry.After), entry.Why);

    public static readonly IReadOnlyList<CsvColumn<AuditEntry>> CsvColumns =
    [
        new("id", e => e.Id), new("at", e => ApiOutput.Time(e.At)), new("actor", e => e.Actor), new("subject", e => e.Subject),
        new("subjectId", e => e.SubjectId), new("location", e => e.Location), new("action", e => e.Action),
        new("before", e => e.Before), new("after", e => e.After), new("why", e => e.Why),
    ];

    private static JsonElement? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(json); // Not JSON: shown as the text it is.
        }
    }
}
