using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SocialMonitor.Core.Api;

namespace SocialMonitor.Functions;

/// <summary>The registered accounts. Anonymous at the host: the app identifies callers itself.</summary>
public sealed class AccountsApiFunctions(AccountsApi api)
{
    [Function("AccountsList")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/accounts")] HttpRequest request, CancellationToken cancellationToken)
    {
        await api.ListAsync(request.HttpContext, cancellationToken);
        return new EmptyResult();
    }
}
