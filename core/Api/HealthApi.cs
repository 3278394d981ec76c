using Microsoft.AspNetCore.Http;

namespace SocialMonitor.Core.Api;

/// <summary>
/// <c>GET /api/health</c>: per account the caller may see, its last good scan, its token, its open <c>capture</c>
/// findings and what its platform cannot show (<see cref="HealthReport"/>); for the coordinator also the capture findings
/// about no account (dead queue messages). A manager is not shown staff members' personal accounts: their capture findings
/// are the coordinator's only.
/// </summary>
public sealed class HealthApi(ApiRunner runner, VisibleLocations visible, HealthReport report)
{
    public Task GetAsync(HttpContext context, CancellationToken cancellationToken) =>
        runner.RunAsync(context, coordinatorOnly: false, async caller =>
        {
            var query = new ApiQuery(context.Request, "format");
            var csv = ApiOutput.WantsCsv(context.Request, query);
            var (all, unassigned) = await report.ForAsync(await visible.ForAsync(caller, cancellationToken), cancellationToken);
            var hidden = await visible.HiddenAccountsAsync(caller, cancellationToken);
            var items = all.Where(a => !hidden.Contains(a.Account)).ToList();
            if (csv)
            {
                await ApiOutput.WriteListAsync(context, csv, items, null, AccountHealth.CsvColumns, cancellationToken);
                return;
            }
            await ApiOutput.WriteJsonAsync(context, new { items, continuationToken = (string?)null, unassignedCaptureFindings = unassigned }, cancellationToken);
        }, cancellationToken);
}
