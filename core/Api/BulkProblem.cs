namespace SocialMonitor.Core.Api;

/// <summary>A problem of one entry of a bulk disposition, in the fields of RFC 9457 problem details.</summary>
public sealed record BulkProblem(string Type, string Title, int Status, string Detail);
