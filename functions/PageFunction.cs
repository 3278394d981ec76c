using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SocialMonitor.Core.Web;

namespace SocialMonitor.Functions;

/// <summary>
/// The coordinator's page: every path that no API function names (host.json's route prefix is empty, so the API's
/// functions name their <c>api/…</c> routes and win over this catch-all). In Azure, App Service Authentication signs the
/// browser in before a request reaches it.
/// </summary>
public sealed class PageFunction(WebPages pages)
{
    [Function("Page")]
    public async Task<IActionResult> Serve(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "post", Route = "{*path}")] HttpRequest request, CancellationToken cancellationToken)
    {
        await pages.HandleAsync(request.HttpContext, cancellationToken);
        return new EmptyResult();
    }
}
