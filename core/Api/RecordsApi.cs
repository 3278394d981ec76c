using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using SocialMonitor.Core.Policies;
using SocialMonitor.Core.Records;

namespace SocialMonitor.Core.Api;

/// <summary>
/// <c>GET /api/records/export</c> (coordinator only): a records export (<see cref="RecordsExporter"/>) as
/// <c>application/zip</c>, written onto the response as it is read. The query is checked before the first byte is
/// sent (a bad one is a 400 problem); a failure after that cuts the response short, and the ZIP without its manifest
/// is refused by <c>records verify</c>.
/// </summary>
public sealed class RecordsApi(ApiRunner runner, RecordsExporter exporter, Policy policy, TimeProvider time)
{
    public static readonly string[] Parameters = ["location", "account", "platform", "from", "to", "text"];

    public Task ExportAsync(HttpContext context, CancellationToken cancellationToken) =>
        runner.RunAsync(context, coordinatorOnly: true, async caller =>
        {
            var parameters = new ApiQuery(context.Request, Parameters);
            var (from, to) = parameters.Range(policy.Zone);
            var query = new RecordsQuery
            {
                Locations = parameters.Slugs("location"),
                Accounts = parameters.Slugs("account"),
                Platforms = parameters.Slugs("platform"),
                From = from,
                To = to,
                Text = parameters.Value("text"),
            };
            try
            {
                await exporter.AccountsAsync(query, cancellationToken);
            }
            catch (RecordsQueryException e)
            {
                throw ApiProblemException.BadParameter(e.Parameter, e.Message[(e.Parameter.Length + 2)..]);
            }
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            context.Response.ContentType = "application/zip";
            context.Response.Headers.ContentDisposition = string.Create(CultureInfo.InvariantCulture,
                $"attachment; filename=\"records-{time.GetUtcNow().UtcDateTime:yyyyMMdd'T'HHmmss'Z'}.zip\"");
            await exporter.ExportAsync(query, caller.Name, context.Response.Body, cancellationToken);
        }, cancellationToken);
}
