using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SocialMonitor.Core.Api;

namespace SocialMonitor.Functions;

/// <summary>The findings API. Anonymous at the host: the app identifies callers itself (<c>Api__AuthMode</c>).</summary>
public sealed class FindingsApiFunctions(FindingsApi api)
{
    [Function("FindingsList")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/findings")] HttpRequest request, CancellationToken cancellationToken)
    {
        await api.ListAsync(request.HttpContext, cancellationToken);
        return new EmptyResult();
    }

    [Function("FindingsSummary")]
    public async Task<IActionResult> Summary(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/findings/summary")] HttpRequest request, CancellationToken cancellationToken)
    {
        await api.SummaryAsync(request.HttpContext, cancellationToken);
        return new EmptyResult();
    }

    [Function("FindingsGet")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/findings/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        await api.GetAsync(request.HttpContext, id, cancellationToken);
        return new EmptyResult();
    }

    [Function("FindingsDisposition")]
    public async Task<IActionResult> Disposition(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/findings/{id}/disposition")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        await api.DispositionAsync(request.HttpContext, id, cancellationToken);
        return new EmptyResult();
    }

    [Function("FindingsBulkDisposition")]
    public async Task<IActionResult> BulkDisposition(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/findings/dispositions")] HttpRequest request, CancellationToken cancellationToken)
    {
        await api.BulkDispositionAsync(request.HttpContext, cancellationToken);
        return new EmptyResult();
    }
}
