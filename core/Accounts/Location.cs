namespace SocialMonitor.Core.Accounts;

public sealed record Location(string Id, string Name, IReadOnlyList<Person> Managers);
