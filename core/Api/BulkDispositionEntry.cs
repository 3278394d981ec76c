using System.Text.Json.Serialization;
using SocialMonitor.Core.Findings;

namespace SocialMonitor.Core.Api;

/// <summary>One change of a bulk disposition: the finding, the ETag of the caller's last read of it, and the change itself.</summary>
public sealed record BulkDispositionEntry
{
    public string? Id { get; init; }

    [JsonPropertyName("etag")]
    public string? ETag { get; init; }

    public string? Status { get; init; }
    public string? Action { get; init; }
    public string? Reason { get; init; }
    public string? DuplicateOf { get; init; }
    public string? Note { get; init; }

    [JsonIgnore]
    public FindingDisposition Disposition => new() { Status = Status, Action = Action, Reason = Reason, DuplicateOf = DuplicateOf, Note = Note };
}
