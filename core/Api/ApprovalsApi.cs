using Microsoft.AspNetCore.Http;
using SocialMonitor.Core.Approvals;
using SocialMonitor.Core.Policies;

namespace SocialMonitor.Core.Api;

/// <summary>
/// <c>GET|POST /api/approvals/{kind}</c> and <c>DELETE /api/approvals/{kind}/{id}?reason=…</c>: HTTP around
/// <see cref="ApprovalService"/>, which decides what is valid and who may do what (a refusal is a 400, 403 or 404 problem).
/// </summary>
public sealed class ApprovalsApi(ApiRunner runner, ApprovalService approvals, Policy policy, TimeProvider time)
{
    private const string NotOurs = "(an entity tag this API did not issue)";

    private static readonly string[] s_states = ["all", "in-force", "revoked", "expired"];

    /// <summary><c>GET</c>: the approvals of the kind the caller may see, newest first (<c>state</c>: all, in-force, revoked or expired); JSON or CSV.</summary>
    public Task ListAsync(HttpContext context, string kind, CancellationToken cancellationToken) =>
        RunAsync(context, async actor =>
        {
            var query = new ApiQuery(context.Request, "state", "format");
            var state = query.Value("state") ?? "all";
            if (!s_states.Contains(state))
            {
                throw ApiProblemException.BadParameter("state", $"must be one of {string.Join(", ", s_states)}");
            }
            var csv = ApiOutput.WantsCsv(context.Request, query);
            var today = policy.LocalDate(time.GetUtcNow());
            var list = (await approvals.ListAsync(kind, actor, cancellationToken))
                .Select(a => ApprovalView.From(a, today))
                .Where(a => state switch
                {
                    "in-force" => a.InForce,
                    "revoked" => a.RevokedAt is not null,
                    "expired" => a.RevokedAt is null && !a.InForce,
                    _ => true,
                })
                .OrderByDescending(a => a.Date).ThenBy(a => a.Id, StringComparer.Ordinal)
                .ToList();
            await ApiOutput.WriteListAsync(context, csv, list, null, ApprovalView.CsvColumns, cancellationToken);
        }, cancellationToken);

    /// <summary><c>POST</c>: 201 with the new approval; the same approval already in force for the same scope is answered 200 with it.</summary>
    public Task AddAsync(HttpContext context, string kind, CancellationToken cancellationToken) =>
        RunAsync(context, async actor =>
        {
            _ = new ApiQuery(context.Request);
            ApprovalService.Authorise(kind, actor);
            var request = await ApiBody.ReadAsync<ApprovalRequest>(context.Request, cancellationToken);
            var (approval, created) = await approvals.AddAsync(kind, request, actor, cancellationToken);
            if (created)
            {
                context.Response.StatusCode = StatusCodes.Status201Created;
                context.Response.Headers.Location = $"/api/approvals/{kind}/{approval.Id}";
            }
            WriteETag(context, approval);
            await ApiOutput.WriteJsonAsync(context, ApprovalView.From(approval, policy.LocalDate(time.GetUtcNow())), cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// <c>DELETE /{id}</c>: revokes the approval (it stays on record, marked) for <c>reason</c>, with <c>If-Match</c>
    /// carrying the record's <c>etag</c> from the caller's last read: none is a 428, a stale one a 412, so a revocation
    /// never acts on a record its author did not see. Revoking twice keeps the first revocation (a retry gets it, 200).
    /// </summary>
    public Task RevokeAsync(HttpContext context, string kind, string id, CancellationToken cancellationToken) =>
        RunAsync(context, async actor =>
        {
            var query = new ApiQuery(context.Request, "reason");
            var ifMatch = context.Request.Headers.IfMatch.ToString().Trim();
            // None (or *) is refused once the approval is known to exist; tags none of ours match nothing, so a 412.
            IReadOnlyList<string> read = ifMatch.Length == 0 || ifMatch == "*" ? [] : ETags.FromIfMatch(ifMatch) ?? [NotOurs];
            var revoked = await approvals.RevokeAsync(kind, id, query.Value("reason") ?? "", actor, cancellationToken, read);
            WriteETag(context, revoked);
            await ApiOutput.WriteJsonAsync(context, ApprovalView.From(revoked, policy.LocalDate(time.GetUtcNow())), cancellationToken);
        }, cancellationToken);

    private static void WriteETag(HttpContext context, Approval approval)
    {
        if (approval.ETag is { } etag)
        {
            context.Response.Headers.ETag = ETags.ToHeader(etag);
        }
    }

    private Task RunAsync(HttpContext context, Func<ApprovalActor, Task> handle, CancellationToken cancellationToken) =>
        runner.RunAsync(context, coordinatorOnly: false, async caller =>
        {
            try
            {
                await handle(new ApprovalActor(caller.Name, caller.IsCoordinator ? null : caller.Locations ?? []));
            }
            catch (ApprovalException e)
            {
                throw e.Refusal switch
                {
                    ApprovalRefusal.Forbidden => ApiProblemException.Forbidden(e.Message),
                    ApprovalRefusal.NotFound => ApiProblemException.NotFound(e.Message),
                    ApprovalRefusal.PreconditionRequired => new ApiProblemException(StatusCodes.Status428PreconditionRequired, ProblemTypes.PreconditionRequired, "If-Match required",
                        $"{e.Message} Send the etag of the approval from your last GET /api/approvals/{{kind}} in If-Match (If-Match: * is not accepted), so that you cannot revoke a record that changed since you read it."),
                    ApprovalRefusal.Stale => new ApiProblemException(StatusCodes.Status412PreconditionFailed, ProblemTypes.PreconditionFailed, "Approval changed", e.Message),
                    _ => ApiProblemException.BadBody(e.Message),
                };
            }
        }, cancellationToken);
}
