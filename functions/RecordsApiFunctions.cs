using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SocialMonitor.Core.Api;

namespace SocialMonitor.Functions;

/// <summary>Records exports (coordinator only), streamed as a ZIP. Anonymous at the host: the app identifies callers itself.</summary>
public sealed class RecordsApiFunctions(RecordsApi api)
{
    [Function("RecordsExport")]
    public async Task<IActionResult> Export(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/records/export")] HttpRequest request, CancellationToken cancellationToken)
    {
        await api.ExportAsync(request.HttpContext, cancellationToken);
        return new EmptyResult();
    }
}
