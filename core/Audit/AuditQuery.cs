using System.Security.Cryptography;
using System.Text;

namespace SocialMonitor.Core.Audit;

/// <summary>
/// Filters of the audit log, each optional: a subject kind and id (one subject's history), who, which location, and a
/// time range (<see cref="From"/> inclusive, <see cref="To"/> exclusive).
/// </summary>
public sealed record AuditQuery
{
    public string? Subject { get; init; }
    public string? SubjectId { get; init; }
    public string? Actor { get; init; }
    public string? Location { get; init; }
    public string? Action { get; init; }
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }

    /// <summary>A short hash of the query, which binds a continuation token to it.</summary>
    public string Hash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
        string.Join('\u001f', Subject, SubjectId, Actor, Location, Action, From?.UtcTicks, To?.UtcTicks))))[..16];
}
