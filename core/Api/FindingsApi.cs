using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Rules;

namespace SocialMonitor.Core.Api;

/// <summary>
/// The findings endpoints, shared by the HTTP functions and <c>socialmonitor serve</c>. A manager sees and changes only
/// their locations' findings: another location's finding is a 404, as if it did not exist.
/// </summary>
public sealed partial class FindingsApi(
    ApiRunner runner, VisibleLocations visible, AccountRegistry registry, Policy policy, FindingStore findings, FindingLifecycle lifecycle, FindingItems items)
{
    public const int DefaultPageSize = ApiQuery.DefaultPageSize;
    public const int MaxPageSize = ApiQuery.MaxPageSize;

    private static readonly string[] s_filters = ["location", "account", "platform", "family", "rule", "severity", "status", "from", "to"];

    public static readonly IReadOnlyList<CsvColumn<Finding>> CsvColumns =
    [
        new("id", f => f.Id), new("firstSeen", f => ApiOutput.Time(f.FirstSeen)), new("lastSeen", f => ApiOutput.Time(f.LastSeen)),
        new("location", f => f.Location), new("account", f => f.Account), new("platform", f => f.Platform), new("rule", f => f.Rule),
        new("family", f => f.Family), new("severity", f => f.Severity), new("status", f => f.Status), new("clause", f => f.Clause),
        new("itemId", f => f.ItemId), new("permalink", f => f.Permalink), new("evidence", f => f.Evidence), new("explanation", f => f.Explanation),
        new("resolution", f => f.Resolution), new("dismissReason", f => f.DismissReason), new("statusChangedBy", f => f.StatusChangedBy),
        new("statusChangedAt", f => ApiOutput.Time(f.StatusChangedAt)), new("acknowledgedAt", f => ApiOutput.Time(f.AcknowledgedAt)),
        new("reopenCount", f => f.ReopenCount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    /// <summary><c>GET /api/findings</c>: newest first, filtered, a page at a time; JSON or CSV.</summary>
    public Task ListAsync(HttpContext context, CancellationToken cancellationToken) =>
        runner.RunAsync(context, coordinatorOnly: false, async caller =>
        {
            var query = new ApiQuery(context.Request, [.. s_filters, "pageSize", "continuationToken", "format"]);
            var filter = await FilterAsync(caller, query, cancellationToken);
            var (pageSize, token, csv) = (query.PageSize(), query.ContinuationToken(), ApiOutput.WantsCsv(context.Request, query));
            var page = await findings.ListAsync(filter, token, pageSize, cancellationToken);
            await ApiOutput.WriteListAsync(context, csv, page.Items, page.ContinuationToken, CsvColumns, cancellationToken);
        }, cancellationToken);

    private static readonly IReadOnlyList<CsvColumn<(string What, string Key, string Value)>> s_summaryColumns =
        [new("what", r => r.What), new("key", r => r.Key), new("value", r => r.Value)];

    /// <summary>
    /// <c>GET /api/findings/summary</c>: counts by location, account, severity, rule, family and status, and the median
    /// time to acknowledge, over the same filters as the list; JSON, or CSV as rows of (what, key, value).
    /// </summary>
    public Task SummaryAsync(HttpContext context, CancellationToken cancellationToken) =>
        runner.RunAsync(context, coordinatorOnly: false, async caller =>
        {
            var query = new ApiQuery(context.Request, [.. s_filters, "format"]);
            var filter = await FilterAsync(caller, query, cancellationToken);
            var csv = ApiOutput.WantsCsv(context.Request, query);
            var summary = await FindingSummary.CountAsync(findings.FactsAsync(filter, cancellationToken), cancellationToken);
            if (csv)
            {
                await ApiOutput.WriteListAsync(context, csv, [.. summary.Rows()], null, s_summaryColumns, cancellationToken);
                return;
            }
            await ApiOutput.WriteJsonAsync(context, summary, cancellationToken);
        }, cancellationToken);

    /// <summary><c>GET /api/findings/{id}</c>: the finding with its history and its item, its ETag in the <c>ETag</c> header.</summary>
    public Task GetAsync(HttpContext context, string id, CancellationToken cancellationToken) =>
        runner.RunAsync(context, coordinatorOnly: false, async caller =>
        {
            _ = new ApiQuery(context.Request);
            var stored = await FindAsync(caller, id, cancellationToken) ?? throw NoSuchFinding(id);
            await lifecycle.EnsureAuditedAsync(stored, cancellationToken);
            var history = lifecycle.HistoryAsync(id, cancellationToken);
            var item = items.GetAsync(stored.Finding, cancellationToken);
            context.Response.Headers.ETag = ETags.ToHeader(stored.ETag);
            context.Response.Headers.CacheControl = "no-store";
            await ApiOutput.WriteJsonAsync(context, Detail(stored.Finding, await history, await item), cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// <c>POST /api/findings/{id}/disposition</c>: a person's status change, with <c>If-Match</c> carrying the ETag of
    /// their last read: none is a 428, a stale one a 412, so a change never overwrites one its author did not see.
    /// </summary>
    public Task DispositionAsync(HttpContext context, string id, CancellationToken cancellationToken) =>
        runner.RunAsync(context, coordinatorOnly: false, async caller =>
        {
            _ = new ApiQuery(context.Request);
            var stored = await FindAsync(caller, id, cancellationToken) ?? throw NoSuchFinding(id);
            var ifMatch = context.Request.Headers.IfMatch.ToString().Trim();
            if (ifMatch.Length == 0 || ifMatch == "*")
            {
                throw new ApiProblemException(StatusCodes.Status428PreconditionRequired, ProblemTypes.PreconditionRequired, "If-Match required",
                    "Send the ETag of your last GET /api/findings/{id} in If-Match (If-Match: * is not accepted), so that your change cannot overwrite one you did not see.");
            }
            var disposition = await ApiBody.ReadAsync<FindingDisposition>(context.Request, cancellationToken);
            if (disposition.Problem() is { } problem)
            {
                throw ApiProblemException.BadBody(problem);
            }
            if (disposition.DuplicateOf is { } original && (original == id || await FindAsync(caller, original, cancellationToken) is null))
            {
                throw ApiProblemException.BadBody($"'duplicateOf' must be the id of another finding you may see; '{original}' is not.");
            }
            var tags = ETags.FromIfMatch(ifMatch);
            var etag = tags?.FirstOrDefault(t => t == stored.ETag) ?? (tags is { Count: > 0 } ? tags[0] : throw Stale(id));
            var result = await lifecycle.ApplyAsync(stored.Finding.Location, id, etag, disposition, caller.Name, cancellationToken);
            switch (result)
            {
                case { Refusal: { } refusal }:
                    throw new ApiProblemException(StatusCodes.Status409Conflict, ProblemTypes.InvalidTransition, "Status change not allowed", refusal);
                case { Status: FindingWriteStatus.Missing }:
                    throw NoSuchFinding(id);
                case { Status: FindingWriteStatus.Stale }:
                    throw Stale(id);
            }
            context.Response.Headers.ETag = ETags.ToHeader(result.Stored!.ETag);
            await ApiOutput.WriteJsonAsync(context, result.Stored.Finding, cancellationToken);
        }, cancellationToken);

    /// <summary>The finding if it is in a location the caller may see (one point read per location, at once).</summary>
    private async Task<StoredFinding?> FindAsync(ApiCaller caller, string id, CancellationToken cancellationToken)
    {
        if (!FindingId().IsMatch(id))
        {
            return null;
        }
        var reads = await Task.WhenAll((await visible.ForAsync(caller, cancellationToken)).Select(l => findings.GetStoredAsync(l, id, cancellationToken)));
        return reads.FirstOrDefault(r => r is not null);
    }

    private async Task<FindingQuery> FilterAsync(ApiCaller caller, ApiQuery query, CancellationToken cancellationToken)
    {
        var locations = await visible.ForAsync(caller, cancellationToken);
        var wanted = ApiQuery.MustBeKnown("location", query.Slugs("location"), await visible.AllAsync(cancellationToken), "location");
        var accounts = query.Slugs("account");
        if (accounts.Count > 0)
        {
            ApiQuery.MustBeKnown("account", accounts, [.. (await registry.ListAccountsAsync(cancellationToken)).Select(a => a.Id)], "account");
        }
        var (from, to) = query.Range(policy.Zone);
        return new FindingQuery(wanted.Count == 0 ? locations : [.. locations.Intersect(wanted, StringComparer.Ordinal)], null)
        {
            Accounts = accounts,
            Platforms = query.Slugs("platform"),
            Families = query.Slugs("family"),
            Rules = query.RuleIds("rule"),
            Severities = query.OneOf("severity", Severities.All),
            Statuses = query.OneOf("status", FindingStatuses.All),
            From = from,
            To = to,
        };
    }

    private static JsonElement Detail(Finding finding, IReadOnlyList<Audit.AuditEntry> history, Item? item)
    {
        var node = JsonSerializer.SerializeToNode(finding, ItemJson.Options)!.AsObject();
        node["history"] = JsonSerializer.SerializeToNode(history.Select(AuditEntryView.From).ToList(), ItemJson.Options);
        node["item"] = item is null ? null : JsonSerializer.SerializeToNode(item, ItemJson.Options);
        return JsonSerializer.SerializeToElement(node, ItemJson.Options);
    }

    private static ApiProblemException NoSuchFinding(string id) => ApiProblemException.NotFound($"There is no finding '{id}' that you may see.");

    private static ApiProblemException Stale(string id) => new(StatusCodes.Status412PreconditionFailed, ProblemTypes.PreconditionFailed, "Finding changed",
        $"Finding '{id}' changed since you read it (If-Match is not its ETag): GET it again, check the change still makes sense, and send it with the new ETag.");

    [GeneratedRegex("^[0-9a-f]{32}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex FindingId();
}
