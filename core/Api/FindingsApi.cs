using System.Globalization;
using Microsoft.AspNetCore.Http;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Findings;
using SocialMonitor.Core.Items;
using SocialMonitor.Core.Queues;

namespace SocialMonitor.Core.Api;

/// <summary>
/// The findings endpoints, shared by the HTTP functions and <c>socialmonitor serve</c>. They write the response
/// themselves: JSON, or RFC 9457 problem details for errors.
/// </summary>
public sealed class FindingsApi(FindingStore findings, AccountRegistry registry, ApiAuthenticator authenticator)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary><c>GET /api/findings?location=&amp;status=&amp;pageSize=&amp;continuationToken=</c>: newest first.</summary>
    public async Task ListAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (authenticator.Authenticate(context.Request) is not { } caller)
        {
            await Problems.UnauthorizedAsync(context, cancellationToken);
            return;
        }
        var query = context.Request.Query;
        var status = query["status"].ToString();
        if (status.Length > 0 && !FindingStatuses.All.Contains(status))
        {
            await BadParameterAsync(context, "status", $"must be one of {string.Join(", ", FindingStatuses.All)}", cancellationToken);
            return;
        }
        var pageSize = DefaultPageSize;
        if (query["pageSize"].ToString() is { Length: > 0 } size
            && (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize is < 1 or > MaxPageSize))
        {
            await BadParameterAsync(context, "pageSize", $"must be a whole number from 1 to {MaxPageSize}", cancellationToken);
            return;
        }

        var locations = await VisibleLocationsAsync(caller, cancellationToken);
        if (query["location"].ToString() is { Length: > 0 } location)
        {
            locations = [.. locations.Where(l => l == location)];
        }
        try
        {
            var page = await findings.ListAsync(
                new FindingQuery(locations, status.Length > 0 ? status : null), query["continuationToken"].ToString(), pageSize, cancellationToken);
            await context.Response.WriteAsJsonAsync(new { items = page.Items, continuationToken = page.ContinuationToken }, ItemJson.Options, cancellationToken);
        }
        catch (InvalidContinuationTokenException e)
        {
            await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, "invalid-continuation-token", "Invalid continuation token", e.Message, cancellationToken);
        }
    }

    /// <summary><c>GET /api/findings/{id}</c>: one finding the caller may see, else 404.</summary>
    public async Task GetAsync(HttpContext context, string id, CancellationToken cancellationToken)
    {
        if (authenticator.Authenticate(context.Request) is not { } caller)
        {
            await Problems.UnauthorizedAsync(context, cancellationToken);
            return;
        }
        foreach (var location in await VisibleLocationsAsync(caller, cancellationToken))
        {
            if (await findings.GetAsync(location, id, cancellationToken) is { } finding)
            {
                await context.Response.WriteAsJsonAsync(finding, ItemJson.Options, cancellationToken);
                return;
            }
        }
        await Problems.WriteAsync(context, StatusCodes.Status404NotFound, "not-found", "No such finding",
            $"There is no finding '{id}' that you may see.", cancellationToken);
    }

    private async Task<IReadOnlyList<string>> VisibleLocationsAsync(ApiCaller caller, CancellationToken cancellationToken)
    {
        var all = (await registry.ListLocationsAsync(cancellationToken)).Select(l => l.Id).Append(DeadMessageHandler.DistrictLocation);
        return [.. all.Where(caller.MaySee)];
    }

    private static Task BadParameterAsync(HttpContext context, string parameter, string rule, CancellationToken cancellationToken) =>
        Problems.WriteAsync(context, StatusCodes.Status400BadRequest, "invalid-parameter", "Invalid query parameter",
            $"Query parameter '{parameter}' {rule}.", cancellationToken);
}
