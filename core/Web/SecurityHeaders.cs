using Microsoft.AspNetCore.Http;

namespace SocialMonitor.Core.Web;

/// <summary>
/// The headers every page answer carries: a strict Content-Security-Policy (scripts, styles and everything else only from
/// the app itself, no inline script or style, no framing, forms only to the app), no MIME sniffing, no referrer (so a
/// sign-in link never leaks to a platform's page opened from ours), and no caching of the HTML.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; font-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static void Apply(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers["Cross-Origin-Opener-Policy"] = "same-origin";
        response.Headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
    }
}
