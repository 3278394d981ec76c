using Microsoft.AspNetCore.Http;
using SocialMonitor.Core.Records;

namespace SocialMonitor.Core.Api;

/// <summary>
/// <c>GET|POST /api/records/holds</c> and <c>DELETE /api/records/holds/{id}?reason=…</c>, the coordinator only (a
/// manager's key is answered 403): HTTP around <see cref="LegalHoldService"/>, which checks the hold and writes the audit log.
/// </summary>
public sealed class HoldsApi(ApiRunner runner, LegalHoldService holds)
{
    private static readonly string[] s_states = ["all", "active", "lifted"];

    /// <summary><c>GET</c>: every hold, oldest first (<c>state</c>: all, active or lifted).</summary>
    public Task ListAsync(HttpContext context, CancellationToken cancellationToken) =>
        RunAsync(context, async _ =>
        {
            var query = new ApiQuery(context.Request, "state");
            var state = query.Value("state") ?? "all";
            if (!s_states.Contains(state))
            {
                throw ApiProblemException.BadParameter("state", $"must be one of {string.Join(", ", s_states)}");
            }
            var list = (await holds.ListAsync(cancellationToken)).Where(h => state switch
            {
                "active" => h.Active,
                "lifted" => !h.Active,
                _ => true,
            }).ToList();
            await ApiOutput.WriteListAsync(context, csv: false, list, null, [], cancellationToken);
        }, cancellationToken);

    /// <summary><c>POST</c>: 201 with the hold placed.</summary>
    public Task PlaceAsync(HttpContext context, CancellationToken cancellationToken) =>
        RunAsync(context, async caller =>
        {
            _ = new ApiQuery(context.Request);
            var request = await ApiBody.ReadAsync<LegalHoldRequest>(context.Request, cancellationToken);
            var hold = await holds.PlaceAsync(request, caller.Name, cancellationToken);
            context.Response.StatusCode = StatusCodes.Status201Created;
            context.Response.Headers.Location = $"/api/records/holds/{hold.Id}";
            await ApiOutput.WriteJsonAsync(context, hold, cancellationToken);
        }, cancellationToken);

    /// <summary><c>DELETE /{id}</c>: lifts the hold for <c>reason</c> (required); it stays on record, marked lifted.</summary>
    public Task LiftAsync(HttpContext context, string id, CancellationToken cancellationToken) =>
        RunAsync(context, async caller =>
        {
            var query = new ApiQuery(context.Request, "reason");
            var lifted = await holds.LiftAsync(id, query.Value("reason"), caller.Name, caller.IsCoordinator, cancellationToken);
            await ApiOutput.WriteJsonAsync(context, lifted, cancellationToken);
        }, cancellationToken);

    private Task RunAsync(HttpContext context, Func<ApiCaller, Task> handle, CancellationToken cancellationToken) =>
        runner.RunAsync(context, coordinatorOnly: true, async caller =>
        {
            try
            {
                await handle(caller);
            }
            catch (LegalHoldException e)
            {
                throw e.Refusal switch
                {
                    LegalHoldRefusal.Forbidden => ApiProblemException.Forbidden(e.Message),
                    LegalHoldRefusal.NotFound => ApiProblemException.NotFound(e.Message),
                    _ => ApiProblemException.BadBody(e.Message),
                };
            }
        }, cancellationToken);
}
