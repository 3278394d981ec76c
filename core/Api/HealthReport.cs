using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Approvals;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Platforms;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Rules.Governance;
using SocialMonitor.Core.Scanning;

namespace SocialMonitor.Core.Api;

/// <summary>
/// The capture health of the accounts of some locations, as <c>GET /api/health</c> and <c>socialmonitor health</c> show it:
/// per account its last good scan, its last scan's stop, throttling, its platform's budget use, its token, its open
/// <c>capture</c> findings, what its platform's client can read (<see cref="PlatformCapabilities"/>; a platform with no
/// client is "not yet") and the attestations of what it cannot (<see cref="AttestationStanding"/>); and the open capture
/// findings about no account. It only reads.
/// </summary>
public sealed class HealthReport(
    AccountRegistry registry, FindingStore findings, AccountHealthReader reader, IEnumerable<IPlatformClient> clients, ApprovalStore approvals,
    BudgetStore budgets, Policy policy, TimeProvider time)
{
    public const int TokenWarningDays = 14;
    public const string CaptureFamily = "capture";

    private static readonly string[] s_open = [FindingStatuses.Open, FindingStatuses.Acknowledged, FindingStatuses.Escalated];

    /// <summary>The accounts of <paramref name="locations"/> by location and id, and the capture findings there about no account.</summary>
    public async Task<(IReadOnlyList<AccountHealth> Accounts, IReadOnlyList<CaptureFindingView> Unassigned)> ForAsync(
        IReadOnlyList<string> locations, CancellationToken cancellationToken)
    {
        var capture = (await OpenCaptureFindingsAsync(locations, cancellationToken)).ToLookup(f => f.Account ?? "");
        var accounts = (await registry.ListAccountsAsync(cancellationToken)).Where(a => locations.Contains(a.Location, StringComparer.Ordinal))
            .OrderBy(a => a.Location, StringComparer.Ordinal).ThenBy(a => a.Id, StringComparer.Ordinal);
        var attestations = (await approvals.ListAsync(ApprovalKinds.Attestations, cancellationToken)).ToLookup(a => a.Scope, StringComparer.Ordinal);
        var budgetUse = new Dictionary<string, BudgetUse?>(StringComparer.Ordinal);
        var items = new List<AccountHealth>();
        foreach (var account in accounts)
        {
            if (!budgetUse.TryGetValue(account.Platform, out var budget))
            {
                budget = budgetUse[account.Platform] = await BudgetAsync(account.Platform, cancellationToken);
            }
            var health = await HealthOfAsync(account, [.. capture[account.Id].Select(CaptureFindingView.From)], cancellationToken);
            items.Add(health with
            {
                Budget = budget,
                Attestations = await AttestationsAsync(account, health, [.. attestations[account.Id]], cancellationToken),
            });
        }
        return (items, [.. capture[""].Select(CaptureFindingView.From)]);
    }

    private async Task<AccountHealth> HealthOfAsync(Account account, IReadOnlyList<CaptureFindingView> capture, CancellationToken cancellationToken)
    {
        var lastScan = await reader.LastGoodScanAsync(account.Id, cancellationToken);
        var state = await reader.ScanStateAsync(account.Id, cancellationToken);
        var token = await reader.TokenAsync(account.Id, cancellationToken);
        var attention = capture.Count > 0 || lastScan is null || token.ExpiresAt <= time.GetUtcNow().AddDays(TokenWarningDays);
        // What a platform can show does not depend on whether its scans are switched on: a switched-off platform's accounts
        // are "attention" through their last good scan, not through their capabilities.
        var capabilities = clients.FirstOrDefault(c => c.Platform == account.Platform)?.Capabilities ?? PlatformCapabilities.NotYet;
        return new AccountHealth(account.Id, account.Platform, account.Location, attention ? "attention" : "ok", lastScan, token.ExpiresAt, token.CheckedAt,
            capture.Count, capture)
        {
            TokenValid = token.Valid,
            Capabilities = capabilities.All.ToDictionary(StringComparer.Ordinal),
            CannotVerify = capabilities.In(CapabilityState.CannotVerify),
            NotYet = capabilities.In(CapabilityState.NotYet),
            CapabilityNotes = capabilities.Notes,
            LastScanAt = state.LastScannedAt,
            LastScanStopped = state.Last?.Stopped,
            ThrottledSince = capture.Where(f => f.Rule == CaptureCondition.Throttled.Rule).Min(f => (DateTimeOffset?)f.FirstSeen),
        };
    }

    /// <summary>The platform's budget in the current period, or null when its client declares none (or it has no client).</summary>
    private async Task<BudgetUse?> BudgetAsync(string platform, CancellationToken cancellationToken)
    {
        if (clients.FirstOrDefault(c => c.Platform == platform)?.Plan.Budget is not { } budget)
        {
            return null;
        }
        return new BudgetUse(budget.Period == BudgetPeriod.Day ? "day" : "month", budget.PeriodKey(time.GetUtcNow()), budget.Limit,
            await budgets.UsedAsync(platform, budget, cancellationToken));
    }

    /// <summary>
    /// Each fact a manager attests for the account (the daily review's list: roles and apps the platform cannot show or
    /// refused, outside groups), with the attestation in force with the latest due date and the open finding about it.
    /// </summary>
    private async Task<IReadOnlyList<AttestationStanding>> AttestationsAsync(
        Account account, AccountHealth health, IReadOnlyList<Approval> recorded, CancellationToken cancellationToken)
    {
        var today = policy.LocalDate(time.GetUtcNow());
        bool Refused(string stream) => health.CaptureFindings.Any(f => f.Id == CaptureConditions.FindingId(account, CaptureCondition.PermissionMissing(stream)));
        var facts = AccountFacts.Attestable(
            health.Capabilities[PlatformCapabilities.Roles] == CapabilityState.Supported && !Refused(StreamNames.Roles),
            health.Capabilities[PlatformCapabilities.Apps] == CapabilityState.Supported && !Refused(StreamNames.Apps));
        var standings = new List<AttestationStanding>();
        foreach (var fact in facts)
        {
            var latest = recorded.Where(a => a.Value == fact && a.InForce(today)).MaxBy(a => a.ReviewOn);
            var status = latest is null ? AttestationStanding.Missing : latest.ReviewOn < today ? AttestationStanding.Due : AttestationStanding.Attested;
            var finding = await findings.GetAsync(account.Location, FindingIds.For(account.Platform, account.Id, AttestationDueRule.Rule, fact), cancellationToken);
            standings.Add(new AttestationStanding(fact, status, latest?.Id, latest?.Approver, latest?.Date, latest?.ReviewOn, latest?.Statement,
                finding is { Status: FindingStatuses.Open or FindingStatuses.Acknowledged or FindingStatuses.Escalated } ? finding.Id : null));
        }
        return standings;
    }

    private async Task<List<Finding>> OpenCaptureFindingsAsync(IReadOnlyList<string> locations, CancellationToken cancellationToken)
    {
        var query = new FindingQuery(locations, null) { Families = [CaptureFamily], Statuses = s_open };
        var all = new List<Finding>();
        string? token = null;
        do
        {
            var page = await findings.ListAsync(query, token, ApiQuery.MaxPageSize, cancellationToken);
            all.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null);
        return all;
    }
}
