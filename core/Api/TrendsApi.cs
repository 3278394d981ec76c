using System.Globalization;
using Microsoft.AspNetCore.Http;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Policies;

namespace SocialMonitor.Core.Api;

/// <summary>
/// <c>GET /api/findings/trends</c>: the trends screen's figures (<see cref="FindingTrends"/>), from the counters of
/// <see cref="FindingTrendIndex"/>, never from the findings themselves. A manager's figures are their locations' only, without the findings of staff members' personal accounts;
/// <c>location</c> narrows further and <c>weeks</c> (1 to 52, default 12) says how many weeks, the current one last.
/// </summary>
public sealed class TrendsApi(ApiRunner runner, VisibleLocations visible, Policy policy, FindingTrendIndex trends, TimeProvider time)
{
    public Task GetAsync(HttpContext context, CancellationToken cancellationToken) =>
        runner.RunAsync(context, coordinatorOnly: false, async caller =>
        {
            var query = new ApiQuery(context.Request, "location", "weeks");
            var weeks = Weeks(query.Value("weeks"));
            var mine = await visible.ForAsync(caller, cancellationToken);
            var wanted = ApiQuery.MustBeKnown("location", query.Slugs("location"), await visible.AllAsync(cancellationToken), "location");
            IReadOnlyList<string> locations = wanted.Count == 0 ? mine : [.. mine.Intersect(wanted, StringComparer.Ordinal)];
            var today = policy.LocalDate(time.GetUtcNow());
            var from = FindingTrends.From(today, weeks);
            // Personal accounts' findings are the coordinator's only (VisibleLocations): a manager's figures leave them out.
            bool[] kinds = caller.IsCoordinator ? [false, true] : [false];
            var reads = await Task.WhenAll(locations.SelectMany(l => kinds.Select(personal =>
                trends.ReadAsync(l, from, personal, cancellationToken).ToListAsync(cancellationToken).AsTask())));
            context.Response.Headers.CacheControl = "no-store";
            await ApiOutput.WriteJsonAsync(context, FindingTrends.Compute(policy.TimeZone, today, weeks, locations, reads.SelectMany(r => r)), cancellationToken);
        }, cancellationToken);

    private static int Weeks(string? text) => text is null
        ? FindingTrends.DefaultWeeks
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var weeks) && weeks is >= 1 and <= FindingTrends.MaxWeeks
            ? weeks
            : throw ApiProblemException.BadParameter("weeks", $"must be a whole number from 1 to {FindingTrends.MaxWeeks}");
}
