using SocialMonitor.Core.Approvals;
using SocialMonitor.Core.Audit;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Rules;

namespace SocialMonitor.Core.Accounts;

/// <summary>
/// <c>accounts import</c>: validates the whole file first (nothing is written from an invalid one), upserts the
/// registry, ends the managers' access to a location the file no longer has, records each account's
/// <c>approvedBy</c>/<c>approvedOn</c> as an account approval (never over one recorded through the API or the command
/// line: <see cref="ApprovalService.ImportAccountAsync"/>), and raises <c>governance.managers</c> for a location with no
/// manager or more than three. Safe to run again: unchanged rows are not rewritten and the same finding merges.
/// </summary>
public sealed class AccountsImporter(AccountRegistry registry, ApprovalService approvals, FindingRecorder recorder, AuditLog audit, TimeProvider time)
{
    public const string ManagersRule = "governance.managers";
    public const string ImportActor = "accounts import";

    /// <summary>The platform of findings about the registry itself (a location's managers).</summary>
    public const string RegistryPlatform = "registry";

    /// <param name="actor">Who imports, for the audit log: one entry per changed account, location or coordinator,
    /// written before the change (a rerun after a crash writes the change and a second entry).</param>
    public async Task<AccountsImportOutcome> ImportAsync(AccountsFileReadResult read, CancellationToken cancellationToken, string actor = ImportActor)
    {
        if (read.File is not { } file)
        {
            return new AccountsImportOutcome(read.Problems, null, []);
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
        var raised = new List<Finding>();
        var now = time.GetUtcNow();
        foreach (var location in file.Locations.Where(l => l.Managers.Count is 0 or > 3))
        {
            var detection = new Detection(ManagersRule, Severities.Medium, Clauses.AccountManagers,
                $"{location.Name} has {location.Managers.Count} account managers", "managers",
                $"Each location has one to three account managers, and {location.Name} has {location.Managers.Count}: name them in the accounts file and import it again.");
            raised.Add(await recorder.RecordAsync(Finding.Create(detection, RegistryPlatform, location.Id, location.Id, null, now), cancellationToken));
        }
        return new AccountsImportOutcome([], result, raised);
    }
}
