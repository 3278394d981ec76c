using Microsoft.AspNetCore.Http;

namespace SocialMonitor.Core.Api;

/// <summary>RFC 9457 problem details, each with a stable <c>type</c>.</summary>
public static class Problems
{
    public const string TypeBase = "urn:socialmonitor:problem:";

    public static Task WriteAsync(HttpContext context, int status, string type, string title, string detail, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(
            new { type = TypeBase + type, title, status, detail, instance = context.Request.Path.Value },
            Items.ItemJson.Options, "application/problem+json", cancellationToken);
    }

    public static Task UnauthorizedAsync(HttpContext context, CancellationToken cancellationToken) =>
        WriteAsync(context, StatusCodes.Status401Unauthorized, "unauthorized", "Not signed in",
            $"Call with a valid {ApiAuthenticator.KeyHeader} header (or through App Service Authentication in Azure).", cancellationToken);
}
