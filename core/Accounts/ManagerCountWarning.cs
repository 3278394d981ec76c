namespace SocialMonitor.Core.Accounts;

/// <summary>A location with no manager or more than three: it imports, and raises <c>governance.managers</c> later.</summary>
public sealed record ManagerCountWarning(string LocationId, int Count)
{
    public override string ToString() => Count == 0
        ? $"Location '{LocationId}' has no manager."
        : $"Location '{LocationId}' has {Count} managers; at most three are expected.";
}
