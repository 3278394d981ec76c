using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SocialMonitor.Core.Api;

namespace SocialMonitor.Functions;

/// <summary>The items API: one captured item with its versions, events and thread.</summary>
public sealed class ItemsApiFunctions(ItemsApi api)
{
    [Function("ItemsGet")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/items/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        await api.GetAsync(request.HttpContext, id, cancellationToken);
        return new EmptyResult();
    }
}
