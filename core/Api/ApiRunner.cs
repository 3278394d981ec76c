using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SocialMonitor.Core.Findings;

namespace SocialMonitor.Core.Api;

/// <summary>
/// What every endpoint does around its own work: identify the caller (anonymous: 401), check that a change made with a
/// browser cookie carries its anti-forgery token (403), check the role it needs (403),
/// and turn an <see cref="ApiProblemException"/> into problem details. Anything unexpected is logged and answered with a 500
/// problem that names no internals.
/// </summary>
public sealed class ApiRunner(ApiAuthenticator authenticator, ILogger<ApiRunner> logger)
{
    public async Task RunAsync(HttpContext context, bool coordinatorOnly, Func<ApiCaller, Task> handle, CancellationToken cancellationToken)
    {
        try
        {
            var caller = await authenticator.AuthenticateAsync(context.Request, cancellationToken);
            if (caller is null)
            {
                await Problems.UnauthorizedAsync(context, cancellationToken);
                return;
            }
            if (caller.AntiForgery is { } token && !Web.AntiForgery.IsSafe(context.Request.Method) && !Web.AntiForgery.Carries(context.Request, token))
            {
                throw new ApiProblemException(StatusCodes.Status403Forbidden, ProblemTypes.AntiForgery, "Anti-forgery token missing or wrong",
                    $"A change made with a browser session needs the token of GET /api/session in the {Web.AntiForgery.Header} header: reload the page and try again.");
            }
            if (coordinatorOnly && !caller.IsCoordinator)
            {
                throw ApiProblemException.Forbidden($"Only the coordinator may {context.Request.Method} {context.Request.Path}.");
            }
            await handle(caller);
        }
        catch (ApiProblemException problem) when (!context.Response.HasStarted)
        {
            await Problems.WriteAsync(context, problem, cancellationToken);
        }
        catch (InvalidContinuationTokenException e) when (!context.Response.HasStarted)
        {
            await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, ProblemTypes.InvalidContinuationToken, "Invalid continuation token", e.Message, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException && !context.Response.HasStarted)
        {
            logger.LogError(e, "{Method} {Path} failed (trace {TraceId})", context.Request.Method, context.Request.Path.Value, context.TraceIdentifier);
            await Problems.WriteAsync(context, StatusCodes.Status500InternalServerError, ProblemTypes.InternalError, "Internal error",
                $"The request failed unexpectedly; it was logged with trace id {context.TraceIdentifier}.", cancellationToken);
        }
    }
}
