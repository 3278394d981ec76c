using SocialMonitor.Core.Findings;

namespace SocialMonitor.Core.Accounts;

/// <summary>Either the file's problems (nothing written) or what the import wrote and the governance findings it raised.</summary>
public sealed record AccountsImportOutcome(IReadOnlyList<AccountsFileProblem> Problems, RegistryImportResult? Written, IReadOnlyList<Finding> Findings);
