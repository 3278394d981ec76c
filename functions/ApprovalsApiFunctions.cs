using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SocialMonitor.Core.Api;

namespace SocialMonitor.Functions;

/// <summary>Approvals of every kind (the service decides who may do what). Anonymous at the host: the app identifies callers itself.</summary>
public sealed class ApprovalsApiFunctions(ApprovalsApi api)
{
    [Function("ApprovalsList")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/approvals/{kind}")] HttpRequest request, string kind, CancellationToken cancellationToken)
    {
        await api.ListAsync(request.HttpContext, kind, cancellationToken);
        return new EmptyResult();
    }

    [Function("ApprovalsAdd")]
    public async Task<IActionResult> Add(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/approvals/{kind}")] HttpRequest request, string kind, CancellationToken cancellationToken)
    {
        await api.AddAsync(request.HttpContext, kind, cancellationToken);
        return new EmptyResult();
    }

    [Function("ApprovalsRevoke")]
    public async Task<IActionResult> Revoke(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/approvals/{kind}/{id}")] HttpRequest request, string kind, string id, CancellationToken cancellationToken)
    {
        await api.RevokeAsync(request.HttpContext, kind, id, cancellationToken);
        return new EmptyResult();
    }
}
