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
/// their locations' findings: another location's finding is a 404, as if it did not exist; so is a staff member's
/// personal account's finding (<see cref="VisibleLocations.HiddenAccountsAsync"/>), which is the coordinator's only.
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

    /// <summary>
    /// <c>GET /api/findings</c>: newest first, filtered, a page at a time; JSON or CSV. <c>q</c> is free text, found
    /// (ignoring case and accents) in the evidence, the quote, the explanation or the text of the item the finding was raised on.
    /// </summary>
    public Task ListAsync(HttpContext context, CancellationToken cancellationToken) =>
        runner.RunAsync(context, coordinatorOnly: false, async caller =>
        {
            var query = new ApiQuery(context.Request, [.. s_filters, "q", "pageSize", "continuationToken", "format"]);
            var filter = await FilterAsync(caller, query, cancellationToken) with { Text = query.Value("q")?.Trim() is { Length: > 0 } q ? q : null };
            var (pageSize, token, csv) = (query.PageSize(), query.ContinuationToken(), ApiOutput.WantsCsv(context.Request, query));
            var hidden = await visible.HiddenAccountsAsync(caller, cancellationToken);
            Func<Finding, CancellationToken, ValueTask<bool>>? match = (filter.Text, hidden.Count) switch
            {
                (null, 0) => null,
                (null, _) => (finding, _) => ValueTask.FromResult(!IsHidden(finding.Account, hidden)),
                ({ } text, _) => (finding, ct) => IsHidden(finding.Account, hidden) ? ValueTask.FromResult(false) : FindingText.MatchesAsync(finding, text, items, ct),
            };
            var page = await findings.ListAsync(filter, token, pageSize, cancellationToken, match);
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
            var hidden = await visible.HiddenAccountsAsync(caller, cancellationToken);
            var facts = findings.FactsAsync(filter, cancellationToken).Where(f => !IsHidden(f.Account, hidden));
            var summary = await FindingSummary.CountAsync(facts, cancellationToken);
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
            var ifMatch = context.Request.Headers.IfMatch.ToString().Trim();
            if (ifMatch.Length == 0 || ifMatch == "*")
            {
                throw new ApiProblemException(StatusCodes.Status428PreconditionRequired, ProblemTypes.PreconditionRequired, "If-Match required",
                    "Send the ETag of your last GET /api/findings/{id} in If-Match (If-Match: * is not accepted), so that your change cannot overwrite one you did not see.");
            }
            var disposition = await ApiBody.ReadAsync<FindingDisposition>(context.Request, cancellationToken);
            var stored = await ApplyAsync(caller, id, ifMatch, disposition, cancellationToken);
            context.Response.Headers.ETag = ETags.ToHeader(stored.ETag);
            await ApiOutput.WriteJsonAsync(context, stored.Finding, cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// <c>POST /api/findings/dispositions</c>: several status changes at once (bulk acknowledge from the page), each entry
    /// with the ETag of its finding's last read and answered on its own: one stale or refused entry does not stop the
    /// others, and nothing is retried for the caller (a stale one is theirs to read again). The answer is 200 with one
    /// result per entry, in order: its HTTP status, the new ETag and finding, or the problem.
    /// </summary>
    public Task BulkDispositionAsync(HttpContext context, CancellationToken cancellationToken) =>
        runner.RunAsync(context, coordinatorOnly: false, async caller =>
        {
            _ = new ApiQuery(context.Request);
            var bulk = await ApiBody.ReadAsync<BulkDisposition>(context.Request, cancellationToken);
            if (bulk.Problem() is { } problem)
            {
                throw ApiProblemException.BadBody(problem);
            }
            var results = new List<BulkDispositionResult>(bulk.Entries!.Count);
            foreach (var entry in bulk.Entries!)
            {
                try
                {
                    var etag = entry.ETag is { Length: > 0 } tag ? tag : throw new ApiProblemException(StatusCodes.Status428PreconditionRequired,
                        ProblemTypes.PreconditionRequired, "ETag required", "Each entry needs 'etag': the ETag of your last read of that finding.");
                    var stored = await ApplyAsync(caller, entry.Id ?? "", etag, entry.Disposition, cancellationToken);
                    results.Add(new BulkDispositionResult(entry.Id, StatusCodes.Status200OK, ETags.ToHeader(stored.ETag), stored.Finding, null));
                }
                catch (ApiProblemException e)
                {
                    results.Add(new BulkDispositionResult(entry.Id, e.Status, null, null,
                        new BulkProblem(Problems.TypeBase + e.Type, e.Title, e.Status, e.Message)));
                }
            }
            await ApiOutput.WriteJsonAsync(context, new { results }, cancellationToken);
        }, cancellationToken);

    /// <summary>One status change with the ETag (as sent in <c>If-Match</c>) of the caller's last read; a problem is thrown.</summary>
    private async Task<StoredFinding> ApplyAsync(ApiCaller caller, string id, string ifMatch, FindingDisposition disposition, CancellationToken cancellationToken)
    {
        var stored = await FindAsync(caller, id, cancellationToken) ?? throw NoSuchFinding(id);
        if (disposition.Problem() is { } problem)
        {
            throw ApiProblemException.BadBody(problem);
        }
        if (disposition.DuplicateOf is { } original && (original == id || await FindAsync(caller, original, cancellationToken) is null))
        {
            throw ApiProblemException.BadBody($"'duplicateOf' must be the id of another finding you may see; '{original}' is not.");
        }
        var tags = ETags.FromIfMatch(ifMatch);
        var etag = tags?.FirstOrDefault(t => t == stored.ETag) ?? (tags is { Count: > 0 } ? tags[0] : throw Stale(stored.Finding));
        var result = await lifecycle.ApplyAsync(stored.Finding.Location, id, etag, disposition, caller.Name, cancellationToken);
        return result switch
        {
            { Refusal: { } refusal } => throw new ApiProblemException(StatusCodes.Status409Conflict, ProblemTypes.InvalidTransition, "Status change not allowed", refusal),
            { Status: FindingWriteStatus.Missing } => throw NoSuchFinding(id),
            { Status: FindingWriteStatus.Stale } => throw Stale(await findings.GetAsync(stored.Finding.Location, id, cancellationToken) ?? stored.Finding),
            _ => result.Stored!,
        };
    }

    /// <summary>The finding if it is in a location the caller may see (one point read per location, at once) and not of an account hidden from them.</summary>
    private async Task<StoredFinding?> FindAsync(ApiCaller caller, string id, CancellationToken cancellationToken)
    {
        if (!FindingId().IsMatch(id))
        {
            return null;
        }
        var reads = await Task.WhenAll((await visible.ForAsync(caller, cancellationToken)).Select(l => findings.GetStoredAsync(l, id, cancellationToken)));
        var found = reads.FirstOrDefault(r => r is not null);
        return found is not null && IsHidden(found.Finding.Account, await visible.HiddenAccountsAsync(caller, cancellationToken)) ? null : found;
    }

    private static bool IsHidden(string? account, IReadOnlySet<string> hidden) => account is not null && hidden.Contains(account);

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

    private static ApiProblemException Stale(Finding now) => new(StatusCodes.Status412PreconditionFailed, ProblemTypes.PreconditionFailed, "Finding changed",
        $"Finding '{now.Id}' changed since you read it (If-Match is not its ETag){ChangedBy(now)}: GET it again, check the change still makes sense, and send it with the new ETag.");

    private static string ChangedBy(Finding now) => now.StatusChangedBy is { } by && now.StatusChangedAt is { } at
        ? $"; it is {now.Status} now, set by {by} at {ApiOutput.Time(at)}"
        : $"; it is {now.Status} now";

    [GeneratedRegex("^[0-9a-f]{32}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex FindingId();
}
