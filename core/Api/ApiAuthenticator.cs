using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace SocialMonitor.Core.Api;

/// <summary>
/// Identifies callers. <c>ApiKeys</c>: the <c>X-Api-Key</c> header against <c>Api__Keys__&lt;n&gt;__Key</c>, compared in
/// constant time; any <c>X-MS-CLIENT-PRINCIPAL</c> header is ignored in this mode.
/// </summary>
public sealed class ApiAuthenticator(IOptions<ApiOptions> options)
{
    public const string KeyHeader = "X-Api-Key";

    public ApiCaller? Authenticate(HttpRequest request)
    {
        var settings = options.Value;
        if (!string.Equals(settings.AuthMode, "ApiKeys", StringComparison.OrdinalIgnoreCase))
        {
            return null; // App Service Authentication comes with the API issue; until then no caller is trusted.
        }
        var presented = request.Headers[KeyHeader].ToString();
        if (presented.Length == 0)
        {
            return null;
        }
        var presentedBytes = Encoding.UTF8.GetBytes(presented);
        for (var i = 0; i < settings.Keys.Count; i++)
        {
            var key = settings.Keys[i];
            if (CryptographicOperations.FixedTimeEquals(presentedBytes, Encoding.UTF8.GetBytes(key.Key)))
            {
                var coordinator = string.Equals(key.Role, Roles.Coordinator, StringComparison.OrdinalIgnoreCase);
                return new ApiCaller($"api key {i}", coordinator ? Roles.Coordinator : Roles.Manager, coordinator ? null : key.LocationIds);
            }
        }
        return null;
    }
}
