namespace SocialMonitor.Core.Rules.Governance;

/// <summary>A person's role on an account as the platform shows it: their platform id, name (may be empty) and the roles or tasks they hold.</summary>
public sealed record HeldRole(string UserId, string Name, IReadOnlyList<string> Tasks)
{
    /// <summary>Their name, or their platform id when the platform names none (LinkedIn members are URNs).</summary>
    public string Shown => Name.Length > 0 ? Name : UserId;
}
