using System.Text.Json.Serialization;
using SocialMonitor.Core.Findings;

namespace SocialMonitor.Core.Api;

/// <summary>The answer to one entry of a bulk disposition: its status (200, or the problem's), and the new ETag and finding or the problem.</summary>
public sealed record BulkDispositionResult(
    string? Id, int Status, [property: JsonPropertyName("etag")] string? ETag, Finding? Finding, BulkProblem? Problem);
