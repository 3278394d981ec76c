using Microsoft.AspNetCore.Http;
using SocialMonitor.Core.Accounts;

namespace SocialMonitor.Core.Api;

/// <summary>
/// <c>GET /api/accounts</c>: the registered accounts the caller may see (a manager: their locations', without staff
/// members' personal accounts, which are the coordinator's only), by location; JSON or CSV.
/// </summary>
public sealed class AccountsApi(ApiRunner runner, AccountRegistry registry)
{
    public Task ListAsync(HttpContext context, CancellationToken cancellationToken) =>
        runner.RunAsync(context, coordinatorOnly: false, async caller =>
        {
            var query = new ApiQuery(context.Request, "location", "platform", "format");
            var (locations, platforms) = (query.Slugs("location"), query.Slugs("platform"));
            var csv = ApiOutput.WantsCsv(context.Request, query);
            var accounts = (await registry.ListAccountsAsync(cancellationToken))
                .Where(a => caller.MaySee(a.Location) && !VisibleLocations.IsHidden(caller, a) && Matches(locations, a.Location) && Matches(platforms, a.Platform))
                .OrderBy(a => a.Location, StringComparer.Ordinal).ThenBy(a => a.Id, StringComparer.Ordinal)
                .Select(AccountView.From)
                .ToList();
            await ApiOutput.WriteListAsync(context, csv, accounts, null, AccountView.CsvColumns, cancellationToken);
        }, cancellationToken);

    private static bool Matches(IReadOnlyList<string> wanted, string value) => wanted.Count == 0 || wanted.Contains(value, StringComparer.Ordinal);
}
