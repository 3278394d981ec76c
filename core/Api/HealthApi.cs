using Microsoft.AspNetCore.Http;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Findings;

namespace SocialMonitor.Core.Api;

/// <summary>
/// <c>GET /api/health</c>: per account the caller may see, its last good scan, its token expiry and its open
/// <c>capture</c> findings; for the coordinator also the capture findings about no account (dead queue messages).
/// </summary>
public sealed class HealthApi(
    ApiRunner runner, VisibleLocations visible, AccountRegistry registry, FindingStore findings, AccountHealthReader reader, TimeProvider time)
{
    public const int TokenWarningDays = 14;
    public const string CaptureFamily = "capture";

    private static readonly string[] s_open = [FindingStatuses.Open, FindingStatuses.Acknowledged, FindingStatuses.Escalated];

    public Task GetAsync(HttpContext context, CancellationToken cancellationToken) =>
        runner.RunAsync(context, coordinatorOnly: false, async caller =>
        {
            var query = new ApiQuery(context.Request, "format");
            var csv = ApiOutput.WantsCsv(context.Request, query);
            var locations = await visible.ForAsync(caller, cancellationToken);
            var capture = (await OpenCaptureFindingsAsync(locations, cancellationToken)).ToLookup(f => f.Account ?? "");
            var accounts = (await registry.ListAccountsAsync(cancellationToken)).Where(a => caller.MaySee(a.Location))
                .OrderBy(a => a.Location, StringComparer.Ordinal).ThenBy(a => a.Id, StringComparer.Ordinal);
            var items = new List<AccountHealth>();
            foreach (var account in accounts)
            {
                items.Add(await HealthOfAsync(account, [.. capture[account.Id].Select(CaptureFindingView.From)], cancellationToken));
            }
            if (csv)
            {
                await ApiOutput.WriteListAsync(context, csv, items, null, AccountHealth.CsvColumns, cancellationToken);
                return;
            }
            var unassigned = capture[""].Select(CaptureFindingView.From).ToList();
            await ApiOutput.WriteJsonAsync(context, new { items, continuationToken = (string?)null, unassignedCaptureFindings = unassigned }, cancellationToken);
        }, cancellationToken);

    private async Task<AccountHealth> HealthOfAsync(Account account, IReadOnlyList<CaptureFindingView> capture, CancellationToken cancellationToken)
    {
        var lastScan = await reader.LastGoodScanAsync(account.Id, cancellationToken);
        var (expires, checkedAt) = await reader.TokenAsync(account.Id, cancellationToken);
        var attention = capture.Count > 0 || lastScan is null || expires <= time.GetUtcNow().AddDays(TokenWarningDays);
        return new AccountHealth(account.Id, account.Platform, account.Location, attention ? "attention" : "ok", lastScan, expires, checkedAt,
            capture.Count, capture);
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
