using Microsoft.AspNetCore.Http;

namespace SocialMonitor.Core.Api;

/// <summary>RFC 9457 problem details, each with a stable <c>type</c> (<see cref="ProblemTypes"/>).</summary>
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

    public static Task WriteAsync(HttpContext context, ApiProblemException problem, CancellationToken cancellationToken) =>
        WriteAsync(context, problem.Status, problem.Type, problem.Title, problem.Message, cancellationToken);

    public static Task UnauthorizedAsync(HttpContext context, CancellationToken cancellationToken) =>
        WriteAsync(context, StatusCodes.Status401Unauthorized, ProblemTypes.Unauthorized, "Not signed in",
            $"Call with a valid {ApiAuthenticator.KeyHeader} header (or through App Service Authentication in Azure).", cancellationToken);
}
