using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SocialMonitor.Core.Api;

namespace SocialMonitor.Functions;

/// <summary>Capture health per account. Anonymous at the host: the app identifies callers itself.</summary>
public sealed class HealthApiFunctions(HealthApi api)
{
    [Function("Health")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/health")] HttpRequest request, CancellationToken cancellationToken)
    {
        await api.GetAsync(request.HttpContext, cancellationToken);
        return new EmptyResult();
    }
}
