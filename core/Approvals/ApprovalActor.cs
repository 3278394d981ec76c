namespace SocialMonitor.Core.Approvals;

/// <summary>
/// Who is changing approvals: the person the audit log names (an email), and for a manager the locations they manage
/// (null: the coordinator, every location). The command line acts as the coordinator.
/// </summary>
public sealed record ApprovalActor(string Name, IReadOnlyList<string>? Locations)
{
    public bool IsCoordinator => Locations is null;
}
