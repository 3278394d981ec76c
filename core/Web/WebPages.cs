using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Api;

namespace SocialMonitor.Core.Web;

/// <summary>
/// The coordinator's page, served by the app beside the API (docs/architecture.md, "The page"): <c>/</c> leads to
/// <c>/findings</c>; <c>/findings</c>, <c>/findings/{id}</c>, <c>/approvals</c>, <c>/health</c>, <c>/trends</c> and <c>/records</c> (the coordinator's only) are one
/// HTML shell whose scripts (<c>/assets/</c>) read the API with the browser's session; <c>/signin</c> redeems a one-time link (<see cref="PageSessions"/>) and lands on
/// its <c>next</c>; <c>/signout</c> ends the session. A screen asked for without a session goes to sign-in first: the
/// sign-in page locally, App Service Authentication's login in Azure (which normally redirects before the app sees it).
/// Shared by the HTTP function <c>Page</c> and <c>serve</c>.
/// </summary>
public sealed class WebPages(ApiAuthenticator authenticator, PageSessions sessions, IOptions<ApiOptions> options)
{
    public async Task HandleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var path = context.Request.Path.Value ?? "/";
        var method = context.Request.Method;
        if (path.StartsWith("/api/", StringComparison.Ordinal) || path == "/api")
        {
            await Problems.WriteAsync(context, StatusCodes.Status404NotFound, ProblemTypes.NotFound, "Not found", $"There is no endpoint {path}: /api/openapi.json lists them.", cancellationToken);
            return;
        }
        SecurityHeaders.Apply(context.Response);
        switch (method, path)
        {
            case ("GET" or "HEAD", "/"):
                context.Response.Redirect("/findings");
                return;
            case ("GET" or "HEAD", _) when path.StartsWith("/assets/", StringComparison.Ordinal):
                await AssetAsync(context, path["/assets/".Length..], cancellationToken);
                return;
            case ("GET" or "HEAD", "/signin"):
                await SignInAsync(context, cancellationToken);
                return;
            case ("POST", "/signout"):
                await SignOutAsync(context, cancellationToken);
                return;
            case ("GET" or "HEAD", _) when IsScreen(path):
                await ScreenAsync(context, path, cancellationToken);
                return;
        }
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        await WriteMessageAsync(context, "Not found", $"There is no page {path} here.", "/findings", "Go to the findings", cancellationToken);
    }

    /// <summary>The screens the shell shows: the findings queue, one finding, the approvals, the accounts' health, the trends and the records (coordinator only: <see cref="CoordinatorOnly"/>).</summary>
    public static bool IsScreen(string path) =>
        path is "/findings" || (path.StartsWith("/findings/", StringComparison.Ordinal) && path.Length > "/findings/".Length && path.IndexOf('/', "/findings/".Length) < 0)
        || path is "/approvals" or "/health" or "/trends"
        || CoordinatorOnly(path);

    /// <summary>The screens a manager is refused (403), as the API behind them refuses their key.</summary>
    public static bool CoordinatorOnly(string path) => path is "/records";

    /// <summary>A <c>next</c> that stays on this site: a path starting with one slash, no scheme, no host, no backslash.</summary>
    public static string SafeNext(string? next) =>
        next is { Length: > 1 and < 2000 } && next[0] == '/' && next[1] is not '/' and not '\\' && !next.Contains('\\') && !next.Any(char.IsControl)
            ? next
            : "/findings";

    private async Task ScreenAsync(HttpContext context, string path, CancellationToken cancellationToken)
    {
        ApiCaller? caller;
        try
        {
            caller = await authenticator.AuthenticateAsync(context.Request, cancellationToken);
        }
        catch (ApiProblemException problem)
        {
            context.Response.StatusCode = problem.Status;
            await WriteMessageAsync(context, problem.Title, problem.Message, null, null, cancellationToken);
            return;
        }
        if (caller is null)
        {
            var next = SafeNext(path + context.Request.QueryString.Value);
            context.Response.Redirect(authenticator.UsesAppService
                ? "/.auth/login/aad?post_login_redirect_uri=" + Uri.EscapeDataString(next)
                : "/signin?next=" + Uri.EscapeDataString(next));
            return;
        }
        if (CoordinatorOnly(path) && !caller.IsCoordinator)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await WriteMessageAsync(context, "Coordinator only",
                $"The {path.TrimStart('/')} screen is the coordinator's: records requests and legal holds are answered by the coordinator, not by a location's manager.",
                "/findings", "Go to your findings", cancellationToken);
            return;
        }
        context.Response.Headers.CacheControl = "no-store";
        await WriteAssetAsync(context, PageAssets.Find("app.html")!, cancellationToken);
    }

    private async Task SignInAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var next = SafeNext(context.Request.Query["next"].ToString());
        if (authenticator.UsesAppService)
        {
            context.Response.Redirect("/.auth/login/aad?post_login_redirect_uri=" + Uri.EscapeDataString(next));
            return;
        }
        var token = context.Request.Query["token"].ToString();
        if (token.Length == 0)
        {
            await WriteMessageAsync(context, "Sign in",
                "Open the sign-in link that 'socialmonitor serve' (or 'demo --serve') printed for your key. Each link works once; " +
                "restart the command for new ones. Scripts and tools call the API with the X-Api-Key header instead.", null, null, cancellationToken);
            return;
        }
        if (sessions.Redeem(token) is not { } session)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await WriteMessageAsync(context, "This sign-in link does not work",
                "It was used already, it expired, or the server was restarted since it was printed. Use a link printed by the running 'socialmonitor serve'.",
                null, null, cancellationToken);
            return;
        }
        context.Response.Cookies.Append(PageSessions.CookieName, session.Id, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps || options.Value.PublicUrl.StartsWith("https:", StringComparison.OrdinalIgnoreCase),
            Path = "/",
            MaxAge = PageSessions.Lifetime,
        });
        context.Response.Headers.CacheControl = "no-store";
        // 303 to next: the address bar then holds next, never the link's token.
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = next;
    }

    private async Task SignOutAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var id = context.Request.Cookies[PageSessions.CookieName];
        if (sessions.Find(id) is { } session && !AntiForgery.Carries(context.Request, session.Caller.AntiForgery!))
        {
            await Problems.WriteAsync(context, StatusCodes.Status403Forbidden, ProblemTypes.AntiForgery, "Anti-forgery token missing or wrong",
                $"Signing out needs the token of GET /api/session in the {AntiForgery.Header} header.", cancellationToken);
            return;
        }
        sessions.End(id);
        context.Response.Cookies.Delete(PageSessions.CookieName, new CookieOptions { Path = "/", HttpOnly = true, SameSite = SameSiteMode.Strict });
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static async Task AssetAsync(HttpContext context, string name, CancellationToken cancellationToken)
    {
        if (name == "app.html" || PageAssets.Find(name) is not { } asset)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        context.Response.Headers.CacheControl = "no-cache";
        if (context.Request.Headers.IfNoneMatch.ToString() == asset.ETag)
        {
            context.Response.Headers.ETag = asset.ETag;
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        await WriteAssetAsync(context, asset, cancellationToken);
    }

    private static async Task WriteAssetAsync(HttpContext context, PageAsset asset, CancellationToken cancellationToken)
    {
        context.Response.ContentType = asset.ContentType;
        context.Response.Headers.ETag = asset.ETag;
        context.Response.ContentLength = asset.Content.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(asset.Content, cancellationToken);
        }
    }

    /// <summary>A small page of its own (sign-in, errors): every text HTML-encoded, the same style sheet, no script.</summary>
    private static Task WriteMessageAsync(HttpContext context, string title, string message, string? link, string? linkText, CancellationToken cancellationToken)
    {
        static string E(string value) => WebUtility.HtmlEncode(value);
        var html = new StringBuilder()
            .Append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(title)).Append(" - SocialMonitor</title>\n<link rel=\"stylesheet\" href=\"/assets/app.css\">\n</head>\n<body>\n")
            .Append("<header class=\"top\"><span class=\"brand\">SocialMonitor</span></header>\n<main id=\"main\" class=\"message\">\n<h1>")
            .Append(E(title)).Append("</h1>\n<p>").Append(E(message)).Append("</p>\n");
        if (link is not null)
        {
            html.Append("<p><a href=\"").Append(E(link)).Append("\">").Append(E(linkText!)).Append("</a></p>\n");
        }
        html.Append("</main>\n</body>\n</html>\n");
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(html.ToString(), cancellationToken);
    }
}
