using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SocialMonitor.Core.Api;

namespace SocialMonitor.Functions;

/// <summary>Legal holds (the coordinator only). Anonymous at the host: the app identifies callers itself.</summary>
public sealed class HoldsApiFunctions(HoldsApi api)
{
    [Function("HoldsList")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/records/holds")] HttpRequest request, CancellationToken cancellationToken)
    {
        await api.ListAsync(request.HttpContext, cancellationToken);
        return new EmptyResult();
    }

    [Function("HoldsPlace")]
    public async Task<IActionResult> Place(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/records/holds")] HttpRequest request, CancellationToken cancellationToken)
    {
        await api.PlaceAsync(request.HttpContext, cancellationToken);
        return new EmptyResult();
    }

    [Function("HoldsLift")]
    public async Task<IActionResult> Lift(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/records/holds/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        await api.LiftAsync(request.HttpContext, id, cancellationToken);
        return new EmptyResult();
    }
}
