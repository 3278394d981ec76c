using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Rules;

namespace SocialMonitor.Core.Accounts;

/// <summary>
/// <c>accounts import</c>: validates the whole file first (nothing is written from an invalid one), upserts the
/// registry, and raises <c>governance.managers</c> for a location with no manager or more than three. Safe to run
/// again: unchanged rows are not rewritten and the same finding merges.
/// </summary>
public sealed class AccountsImporter(AccountRegistry registry, FindingRecorder recorder, TimeProvider time)
{
    public const string ManagersRule = "governance.managers";

    public async Task<AccountsImportOutcome> ImportAsync(AccountsFileReadResult read, CancellationToken cancellationToken)
    {
        if (read.File is not { } file)
        {
            return new AccountsImportOutcome(read.Problems, null, []);
        }
        var result = await registry.ImportAsync(file, cancellationToken);
        var raised = new List<Finding>();
        var now = time.GetUtcNow();
        foreach (var location in file.Locations.Where(l => l.Managers.Count is 0 or > 3))
        {
            raised.Add(await recorder.RecordAsync(new Finding
            {
                Id = FindingIds.For("registry", location.Id, ManagersRule, "managers"),
                Rule = ManagersRule,
                Severity = Severities.Medium,
                Location = location.Id,
                Platform = "registry",
                ItemId = location.Id,
                Clause = Clauses.AccountManagers,
                Evidence = $"{location.Name} has {location.Managers.Count} account managers",
                Explanation = $"Each location has one to three account managers, and {location.Name} has {location.Managers.Count}: name them in the accounts file and import it again.",
                FirstSeen = now,
                LastSeen = now,
            }, cancellationToken));
        }
        return new AccountsImportOutcome([], result, raised);
    }
}
