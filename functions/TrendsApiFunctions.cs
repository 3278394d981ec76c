using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SocialMonitor.Core.Api;

namespace SocialMonitor.Functions;

/// <summary>The findings' trends (the literal route wins over <c>api/findings/{id}</c>). Anonymous at the host: the app identifies callers itself.</summary>
public sealed class TrendsApiFunctions(TrendsApi api)
{
    [Function("FindingsTrends")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/findings/trends")] HttpRequest request, CancellationToken cancellationToken)
    {
        await api.GetAsync(request.HttpContext, cancellationToken);
        return new EmptyResult();
    }
}
