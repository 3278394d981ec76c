using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using SocialMonitor.Core.Api;

namespace SocialMonitor.Functions;

/// <summary>
/// In the Functions host, <c>Api__AuthMode=AppServiceAuthentication</c> trusts the <c>X-MS-CLIENT-PRINCIPAL</c> header,
/// which only App Service Authentication (Easy Auth) in front of the app makes trustworthy: it strips a caller's own
/// header. App Service sets <c>WEBSITE_AUTH_ENABLED=True</c> when authentication is on; without it the host refuses to start.
/// </summary>
public sealed class EasyAuthRequirement(IConfiguration configuration) : IValidateOptions<ApiOptions>
{
    public const string Setting = "WEBSITE_AUTH_ENABLED";

    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.Equals(options.AuthMode, ApiAuthenticator.AppServiceAuthentication, StringComparison.OrdinalIgnoreCase)
            || string.Equals(configuration[Setting], "True", StringComparison.OrdinalIgnoreCase))
        {
            return ValidateOptionsResult.Success;
        }
        return ValidateOptionsResult.Fail(
            $"Setting Api__AuthMode=AppServiceAuthentication needs App Service Authentication turned on for the app ({Setting} is "
            + $"'{configuration[Setting] ?? "(not set)"}', not True): without it anyone can forge the X-MS-CLIENT-PRINCIPAL header. Turn "
            + "authentication on (infra/main.bicep does) or use Api__AuthMode=ApiKeys.");
    }
}
