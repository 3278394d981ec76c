using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SocialMonitor.Core.Api;

namespace SocialMonitor.Functions;

/// <summary>The API's OpenAPI 3.1 description, open to anyone (it holds no data).</summary>
public sealed class OpenApiFunction(OpenApiDocument document)
{
    [Function("OpenApi")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/openapi.json")] HttpRequest request, CancellationToken cancellationToken)
    {
        await document.GetAsync(request.HttpContext, cancellationToken);
        return new EmptyResult();
    }
}
