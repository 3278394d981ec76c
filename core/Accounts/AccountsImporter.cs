using SocialMonitor.Core.Approvals;
using SocialMonitor.Core.Audit;

namespace SocialMonitor.Core.Accounts;

/// <summary>
/// <c>accounts import</c>: validates the whole file first (nothing is written from an invalid one), upserts the
/// registry, ends the managers' access to a location the file no longer has, records each account's
/// <c>approvedBy</c>/<c>approvedOn</c> as an account approval (never over one recorded through the API or the command
/// line: <see cref="ApprovalService.ImportAccountAsync"/>). Safe to run again: unchanged rows are not rewritten. A location
/// with no manager or more than three is the daily account review's (<c>governance.managers</c>); the file's reader
/// warns of it (<see cref="AccountsFileReadResult.ManagerCountWarnings"/>).
/// </summary>
public sealed class AccountsImporter(AccountRegistry registry, ApprovalService approvals, AuditLog audit)
{
    public const string ImportActor = "accounts import";

    /// <param name="actor">Who imports, for the audit log: one entry per changed account, location or coordinator,
    /// written before the change (a rerun after a crash writes the change and a second entry).</param>
    public async Task<AccountsImportOutcome> ImportAsync(AccountsFileReadResult read, CancellationToken cancellationToken, string actor = ImportActor)
    {
        if (read.File is not { } file)
        {
            return new AccountsImportOutcome(read.Problems, null);
        }
        var result = await registry.ImportAsync(file, change => change.Removed
            ? audit.AppendAsync(actor, change.Subject, change.Id, change.Location, "access-ended", change.Before, change.After,
                "no longer in the accounts file: its managers' access to it ends", cancellationToken)
            : audit.AppendAsync(actor, change.Subject, change.Id, change.Location,
                change.Before is null ? "created" : "updated", change.Before, change.After, "imported from the accounts file", cancellationToken), cancellationToken);
        foreach (var account in file.Accounts)
        {
            await approvals.ImportAccountAsync(account, actor, cancellationToken);
        }
        return new AccountsImportOutcome([], result);
    }
}
