namespace SocialMonitor.Core.Accounts;

/// <summary>The accounts file (docs/architecture.md, "The accounts file"): the coordinator, the locations and their managers, the accounts.</summary>
public sealed record AccountsFile(Person Coordinator, IReadOnlyList<Location> Locations, IReadOnlyList<Account> Accounts);
