using SocialMonitor.Core.Findings;

namespace SocialMonitor.Core.Api;

/// <summary>An open <c>capture</c> finding as the health endpoint shows it.</summary>
public sealed record CaptureFindingView(string Id, string Rule, string Severity, string Status, string Evidence, DateTimeOffset FirstSeen, DateTimeOffset LastSeen)
{
    public static CaptureFindingView From(Finding f) => new(f.Id, f.Rule, f.Severity, f.Status, f.Evidence, f.FirstSeen, f.LastSeen);
}
