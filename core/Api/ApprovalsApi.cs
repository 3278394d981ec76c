using Microsoft.AspNetCore.Http;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Approvals;
using SocialMonitor.Core.Rules.LinkDomain;
using SocialMonitor.Core.Audit;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Policies;

namespace SocialMonitor.Core.Api;

/// <summary>
/// <c>GET|POST /api/approvals/links</c> and <c>DELETE /api/approvals/links/{id}</c>, the coordinator's only: the link
/// destinations approved beyond the policy's own, each change with an audit entry. An approval is written first and its
/// entry second; a retry after a crash between them finds the approval and writes the missing entry.
/// </summary>
public sealed class ApprovalsApi(
    ApiRunner runner, ApprovalStore approvals, AccountRegistry registry, AuditLog audit, Policy policy, PublicSuffixList suffixes, TimeProvider time)
{
    public const string Subject = "approval";

    private static readonly string[] s_states = ["all", "in-force", "revoked", "expired"];

    /// <summary><c>GET</c>: every approval, newest first (<c>state</c>: all, in-force, revoked or expired); JSON or CSV.</summary>
    public Task ListAsync(HttpContext context, CancellationToken cancellationToken) =>
        runner.RunAsync(context, coordinatorOnly: true, async _ =>
        {
            var query = new ApiQuery(context.Request, "state", "format");
            var state = query.Value("state") ?? "all";
            if (!s_states.Contains(state))
            {
                throw ApiProblemException.BadParameter("state", $"must be one of {string.Join(", ", s_states)}");
            }
            var csv = ApiOutput.WantsCsv(context.Request, query);
            var today = Today();
            var list = (await approvals.ListAsync(cancellationToken))
                .Select(a => LinkApprovalView.From(a, today))
                .Where(a => state switch
                {
                    "in-force" => a.InForce,
                    "revoked" => a.RevokedAt is not null,
                    "expired" => a.RevokedAt is null && !a.InForce,
                    _ => true,
                })
                .OrderByDescending(a => a.Date).ThenBy(a => a.Id, StringComparer.Ordinal)
                .ToList();
            await ApiOutput.WriteListAsync(context, csv, list, null, LinkApprovalView.CsvColumns, cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// <c>POST</c>: approves a destination; 201 with the approval. The same destination already approved in force for
    /// the same scope is answered 200 with that approval, so a retried request does not approve twice.
    /// </summary>
    public Task AddAsync(HttpContext context, CancellationToken cancellationToken) =>
        runner.RunAsync(context, coordinatorOnly: true, async caller =>
        {
            _ = new ApiQuery(context.Request);
            var request = await ApiBody.ReadAsync<LinkApprovalRequest>(context.Request, cancellationToken);
            var value = request.NormalisedValue();
            var scope = string.IsNullOrWhiteSpace(request.Scope) ? LinkApprovalScopes.All : request.Scope.Trim();
            var location = await ScopeLocationAsync(scope, cancellationToken);
            var today = Today();
            if (request.Expires < today)
            {
                throw ApiProblemException.BadBody($"'expires' ({request.Expires:yyyy-MM-dd}) is in the past; today is {today:yyyy-MM-dd} in {policy.TimeZone}.");
            }
            if (request.Note?.Length > LinkApprovalRequest.MaxNoteLength)
            {
                throw ApiProblemException.BadBody($"'note' is at most {LinkApprovalRequest.MaxNoteLength} characters.");
            }

            var approval = new LinkApproval
            {
                Id = $"link-{Guid.NewGuid():N}"[..17],
                Match = request.Match!,
                Value = value,
                Scope = scope,
                Approver = caller.Name,
                Date = today,
                Expires = request.Expires,
                Note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim(),
            };
            // The value check the CLI and `check --approvals` apply too (LinkApproval.Problems): one rule for what may be stored.
            if (approval.ValueProblem(suffixes) is { } problem)
            {
                throw ApiProblemException.BadBody($"'value' ({value}) {problem}.");
            }

            var existing = (await approvals.ListAsync(cancellationToken))
                .FirstOrDefault(a => a.InForce(today) && a.Match == approval.Match && a.Value == value && a.Scope == scope);
            if (existing is not null)
            {
                await RecordOnceAsync(existing, location, "approved", null, existing, cancellationToken);
                await ApiOutput.WriteJsonAsync(context, LinkApprovalView.From(existing, today), cancellationToken);
                return;
            }
            await approvals.AddAsync(approval, cancellationToken);
            await RecordOnceAsync(approval, location, "approved", null, approval, cancellationToken);
            context.Response.StatusCode = StatusCodes.Status201Created;
            context.Response.Headers.Location = $"/api/approvals/links/{approval.Id}";
            await ApiOutput.WriteJsonAsync(context, LinkApprovalView.From(approval, today), cancellationToken);
        }, cancellationToken);

    /// <summary><c>DELETE /{id}</c>: revokes the approval (it stays on record, marked); revoking twice keeps the first revocation.</summary>
    public Task RevokeAsync(HttpContext context, string id, CancellationToken cancellationToken) =>
        runner.RunAsync(context, coordinatorOnly: true, async caller =>
        {
            _ = new ApiQuery(context.Request);
            var before = await approvals.GetAsync(id, cancellationToken)
                ?? throw ApiProblemException.NotFound($"There is no link approval '{id}'.");
            var after = await approvals.RevokeAsync(id, caller.Name, time.GetUtcNow(), cancellationToken) ?? before;
            var location = await ScopeLocationAsync(after.Scope, cancellationToken, mustExist: false);
            await RecordOnceAsync(after, location, "revoked", before.RevokedAt is null ? before : null, after, cancellationToken);
            await ApiOutput.WriteJsonAsync(context, LinkApprovalView.From(after, Today()), cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// Appends the entry for <paramref name="action"/> unless the approval's history already has one; the actor is who
    /// approved or revoked it, as the approval records.
    /// </summary>
    private async Task RecordOnceAsync(
        LinkApproval approval, string? location, string action, LinkApproval? before, LinkApproval after, CancellationToken cancellationToken)
    {
        var history = await audit.HistoryAsync(Subject, approval.Id, cancellationToken);
        if (history.Any(e => e.Action == action))
        {
            return;
        }
        var why = approval.Note ?? $"{approval.Match} {approval.Value} for {approval.Scope}";
        var actor = action == "revoked" ? approval.RevokedBy ?? approval.Approver : approval.Approver;
        await audit.AppendAsync(actor, Subject, approval.Id, location, action,
            before is null ? null : ItemJson.Serialize(before), ItemJson.Serialize(after), why, cancellationToken);
    }

    /// <summary>The location a scope belongs to (null for all); an unknown location or account is a 400.</summary>
    private async Task<string?> ScopeLocationAsync(string scope, CancellationToken cancellationToken, bool mustExist = true)
    {
        if (scope == LinkApprovalScopes.All)
        {
            return null;
        }
        if (await registry.GetLocationAsync(scope, cancellationToken) is { } location)
        {
            return location.Id;
        }
        if (await registry.GetAccountAsync(scope, cancellationToken) is { } account)
        {
            return account.Location;
        }
        return mustExist
            ? throw ApiProblemException.BadBody($"'scope' must be all, a location id or an account id; '{scope}' is none of them.")
            : null;
    }

    private DateOnly Today() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(policy.TimeZone)).DateTime);
}
