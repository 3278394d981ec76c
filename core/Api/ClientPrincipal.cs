using System.Text;
using System.Text.Json;

namespace SocialMonitor.Core.Api;

/// <summary>
/// The caller App Service Authentication (Easy Auth, Entra ID) vouches for in <c>X-MS-CLIENT-PRINCIPAL</c>: base64 JSON
/// <c>{"auth_typ","name_typ","role_typ","claims":[{"typ","val"}]}</c>. App roles arrive as <c>roles</c> claims (or claims
/// of the <c>role_typ</c> type); the email as <c>preferred_username</c>, <c>email</c> or <c>upn</c>; the Entra object id
/// as <c>oid</c> or its long claim type. Trusted only in <c>AppServiceAuthentication</c> mode, where App Service strips
/// the header from outside requests.
/// </summary>
public sealed record ClientPrincipal(IReadOnlyList<string> Roles, string? Email, string? ObjectId)
{
    public const string Header = "X-MS-CLIENT-PRINCIPAL";

    private const string RoleClaimType = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";
    private const string ObjectIdClaimType = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    private static readonly string[] s_emailClaimTypes =
    [
        "preferred_username", "email", "emails", "upn",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn",
    ];

    /// <summary>The principal in the header's value, or null when it is missing or not a principal at all.</summary>
    public static ClientPrincipal? Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header.Trim())));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
            {
                return null;
            }
            var roleType = root.TryGetProperty("role_typ", out var rt) && rt.ValueKind == JsonValueKind.String ? rt.GetString() : null;
            var pairs = claims.EnumerateArray()
                .Where(c => c.ValueKind == JsonValueKind.Object)
                .Select(c => (Type: Text(c, "typ"), Value: Text(c, "val")))
                .Where(c => c.Type is not null && !string.IsNullOrWhiteSpace(c.Value))
                .ToList();
            var roles = pairs.Where(c => c.Type is "roles" or RoleClaimType || c.Type == roleType).Select(c => c.Value!.Trim()).Distinct(StringComparer.Ordinal).ToList();
            var email = s_emailClaimTypes.Select(t => pairs.FirstOrDefault(c => c.Type == t).Value).FirstOrDefault(v => v is not null && v.Contains('@', StringComparison.Ordinal));
            var objectId = pairs.FirstOrDefault(c => c.Type is "oid" or ObjectIdClaimType).Value;
            return new ClientPrincipal(roles, email?.Trim(), objectId?.Trim());
        }
        catch (Exception e) when (e is FormatException or JsonException or DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>How the caller is named in the audit log: their email, else their object id.</summary>
    public string Name => Email ?? ObjectId ?? "unknown";

    private static string? Text(JsonElement claim, string property) =>
        claim.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
