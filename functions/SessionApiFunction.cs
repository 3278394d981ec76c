using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SocialMonitor.Core.Api;

namespace SocialMonitor.Functions;

/// <summary>Who the caller is, and what the page needs to show their findings in words.</summary>
public sealed class SessionApiFunction(SessionApi api)
{
    [Function("Session")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/session")] HttpRequest request, CancellationToken cancellationToken)
    {
        await api.GetAsync(request.HttpContext, cancellationToken);
        return new EmptyResult();
    }
}
