using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SocialMonitor.Core.Api;

namespace SocialMonitor.Functions;

/// <summary>The audit log (coordinator only). Anonymous at the host: the app identifies callers itself.</summary>
public sealed class AuditApiFunctions(AuditApi api)
{
    [Function("AuditList")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/audit")] HttpRequest request, CancellationToken cancellationToken)
    {
        await api.ListAsync(request.HttpContext, cancellationToken);
        return new EmptyResult();
    }
}
