using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SocialMonitor.Core.Api;

namespace SocialMonitor.Functions;

/// <summary>Link approvals (coordinator only). Anonymous at the host: the app identifies callers itself.</summary>
public sealed class ApprovalsApiFunctions(ApprovalsApi api)
{
    [Function("ApprovalsList")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "approvals/links")] HttpRequest request, CancellationToken cancellationToken)
    {
        await api.ListAsync(request.HttpContext, cancellationToken);
        return new EmptyResult();
    }

    [Function("ApprovalsAdd")]
    public async Task<IActionResult> Add(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "approvals/links")] HttpRequest request, CancellationToken cancellationToken)
    {
        await api.AddAsync(request.HttpContext, cancellationToken);
        return new EmptyResult();
    }

    [Function("ApprovalsRevoke")]
    public async Task<IActionResult> Revoke(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "approvals/links/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        await api.RevokeAsync(request.HttpContext, id, cancellationToken);
        return new EmptyResult();
    }
}
