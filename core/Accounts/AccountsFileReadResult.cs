using System.Diagnostics.CodeAnalysis;

namespace SocialMonitor.Core.Accounts;

/// <summary>The outcome of reading the accounts file: the file when it has no problem, else every problem in document order.</summary>
public sealed class AccountsFileReadResult(
    AccountsFile? file,
    IReadOnlyList<AccountsFileProblem> problems,
    IReadOnlyList<ManagerCountWarning> managerCountWarnings)
{
    /// <summary>The file; null when there is any problem.</summary>
    public AccountsFile? File { get; } = problems.Count == 0 ? file : null;

    public IReadOnlyList<AccountsFileProblem> Problems { get; } = problems;

    /// <summary>Locations with no manager or more than three (not problems: they import and raise a governance finding).</summary>
    public IReadOnlyList<ManagerCountWarning> ManagerCountWarnings { get; } = managerCountWarnings;

    [MemberNotNullWhen(true, nameof(File))]
    public bool IsValid => File is not null;
}
