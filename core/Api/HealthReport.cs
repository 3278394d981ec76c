using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Platforms;

namespace SocialMonitor.Core.Api;

/// <summary>
/// The capture health of the accounts of some locations, as <c>GET /api/health</c> and <c>socialmonitor health</c> show it:
/// per account its last good scan, its token, its open <c>capture</c> findings and what its platform's client can read
/// (<see cref="PlatformCapabilities"/>; a platform with no client is "not yet"); and the open capture findings about no
/// account. It only reads.
/// </summary>
public sealed class HealthReport(
    AccountRegistry registry, FindingStore findings, AccountHealthReader reader, IEnumerable<IPlatformClient> clients, TimeProvider time)
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
        var items = new List<AccountHealth>();
        foreach (var account in accounts)
        {
            items.Add(await HealthOfAsync(account, [.. capture[account.Id].Select(CaptureFindingView.From)], cancellationToken));
        }
        return (items, [.. capture[""].Select(CaptureFindingView.From)]);
    }

    private async Task<AccountHealth> HealthOfAsync(Account account, IReadOnlyList<CaptureFindingView> capture, CancellationToken cancellationToken)
    {
        var lastScan = await reader.LastGoodScanAsync(account.Id, cancellationToken);
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
        };
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
