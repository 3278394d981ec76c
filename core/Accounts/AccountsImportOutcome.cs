namespace SocialMonitor.Core.Accounts;

/// <summary>Either the file's problems (nothing written) or what the import wrote.</summary>
public sealed record AccountsImportOutcome(IReadOnlyList<AccountsFileProblem> Problems, RegistryImportResult? Written);
