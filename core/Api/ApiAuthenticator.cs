using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Accounts;
using SocialMonitor.Core.Web;

namespace SocialMonitor.Core.Api;

/// <summary>
/// Identifies callers (<c>Api__AuthMode</c>). <c>ApiKeys</c>: the <c>X-Api-Key</c> header against
/// <c>Api__Keys__&lt;n&gt;__Key</c>, compared in constant time, the caller named by the key's <c>__Owner</c> (an email); any <c>X-MS-CLIENT-PRINCIPAL</c> header is ignored.
/// <c>AppServiceAuthentication</c>: the principal App Service puts in <c>X-MS-CLIENT-PRINCIPAL</c>, with the Entra ID app
/// role <c>Coordinator</c> (every location) or <c>Manager</c> (the locations whose managers in the registry have the
/// caller's object id, or their email for a manager registered without an object id); API keys are not accepted in that mode.
/// In <c>ApiKeys</c> mode a browser signed in through a one-time link (<see cref="PageSessions"/>) is identified by its
/// session cookie, as the key's caller. A caller identified by a cookie carries the anti-forgery token its changes need.
/// </summary>
public sealed class ApiAuthenticator(IOptions<ApiOptions> options, AccountRegistry registry, PageSessions sessions)
{
    public const string KeyHeader = "X-Api-Key";
    public const string AppServiceAuthentication = "AppServiceAuthentication";

    /// <summary>The caller, or null for an anonymous one; a signed-in caller with no role or no location is a 403.</summary>
    public async Task<ApiCaller?> AuthenticateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (UsesAppService)
        {
            return ClientPrincipal.Parse(request.Headers[ClientPrincipal.Header]) is { } principal
                ? await FromPrincipalAsync(principal, cancellationToken) with { AntiForgery = Web.AntiForgery.ForAppServiceSession(request) }
                : null;
        }
        var key = request.Headers[KeyHeader].ToString();
        return key.Length > 0 ? FromKey(key) : sessions.Find(request.Cookies[PageSessions.CookieName])?.Caller;
    }

    /// <summary>Whether callers sign in through App Service Authentication (Entra ID) rather than with keys and sign-in links.</summary>
    public bool UsesAppService => string.Equals(options.Value.AuthMode, AppServiceAuthentication, StringComparison.OrdinalIgnoreCase);

    private ApiCaller? FromKey(string presented)
    {
        if (presented.Length == 0)
        {
            return null;
        }
        var presentedBytes = Encoding.UTF8.GetBytes(presented);
        var keys = options.Value.Keys;
        for (var i = 0; i < keys.Count; i++)
        {
            if (CryptographicOperations.FixedTimeEquals(presentedBytes, Encoding.UTF8.GetBytes(keys[i].Key)))
            {
                var coordinator = string.Equals(keys[i].Role, Roles.Coordinator, StringComparison.OrdinalIgnoreCase);
                return new ApiCaller(keys[i].Owner.Trim(), coordinator ? Roles.Coordinator : Roles.Manager, coordinator ? null : keys[i].LocationIds);
            }
        }
        return null;
    }

    private async Task<ApiCaller> FromPrincipalAsync(ClientPrincipal principal, CancellationToken cancellationToken)
    {
        if (principal.Roles.Contains(Roles.Coordinator, StringComparer.OrdinalIgnoreCase))
        {
            return new ApiCaller(principal.Name, Roles.Coordinator, null);
        }
        if (!principal.Roles.Contains(Roles.Manager, StringComparer.OrdinalIgnoreCase))
        {
            throw ApiProblemException.Forbidden($"{principal.Name} has neither the {Roles.Coordinator} nor the {Roles.Manager} app role: ask the IT person to assign one.");
        }
        var locations = (await registry.ListLocationsAsync(cancellationToken))
            .Where(l => l.Managers.Any(m => IsManager(m, principal)))
            .Select(l => l.Id)
            .ToList();
        if (locations.Count == 0)
        {
            throw ApiProblemException.Forbidden($"{principal.Name} has the {Roles.Manager} app role but manages no location in the registry (matched by object id, or by email where none is registered): " +
                "add them to the accounts file and import it.");
        }
        return new ApiCaller(principal.Name, Roles.Manager, locations);
    }

    /// <summary>
    /// A registered object id is the only match for that person: emails and user names can be changed or reassigned, an
    /// Entra object id cannot. The email is matched only for a manager registered without one.
    /// </summary>
    private static bool IsManager(Person manager, ClientPrincipal principal) =>
        manager.ObjectId is { Length: > 0 } ? Same(manager.ObjectId, principal.ObjectId) : Same(manager.Email, principal.Email);

    private static bool Same(string? registered, string? presented) =>
        registered is { Length: > 0 } && presented is { Length: > 0 } && string.Equals(registered, presented, StringComparison.OrdinalIgnoreCase);
}
