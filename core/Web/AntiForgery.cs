using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace SocialMonitor.Core.Web;

/// <summary>
/// The anti-forgery token of a change made from the page. The page reads it from <c>GET /api/session</c> (kept in the
/// script's memory, never in the page or the browser's storage) and sends it in <see cref="Header"/>. For a page session
/// it is the session's own random token; behind App Service Authentication it is derived from the session cookie App
/// Service set (<see cref="AppServiceCookie"/>), which another site can neither read nor guess, so every instance of the
/// app agrees on it without a shared secret.
/// </summary>
public static class AntiForgery
{
    public const string Header = "X-Anti-Forgery";
    public const string AppServiceCookie = "AppServiceAuthSession";

    /// <summary>The token for App Service Authentication's session cookie, or null when the request has none (a bearer token call).</summary>
    public static string? ForAppServiceSession(HttpRequest request) =>
        request.Cookies[AppServiceCookie] is { Length: > 0 } cookie
            ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("socialmonitor-anti-forgery|" + cookie)))
            : null;

    /// <summary>Whether the request carries <paramref name="expected"/> in <see cref="Header"/> (compared in constant time).</summary>
    public static bool Carries(HttpRequest request, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(request.Headers[Header].ToString()), Encoding.UTF8.GetBytes(expected));

    /// <summary>Methods that change nothing, which need no token.</summary>
    public static bool IsSafe(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);
}
