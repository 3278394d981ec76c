using System.Text.RegularExpressions;

namespace SocialMonitor.Core.Accounts;

/// <summary>The value forms of the accounts file (docs/architecture.md, "The accounts file").</summary>
internal static partial class AccountsFilePatterns
{
    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    public static partial Regex Slug();

    [GeneratedRegex(@"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+\z", RegexOptions.CultureInvariant)]
    public static partial Regex Email();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_-]{0,126}\z", RegexOptions.CultureInvariant)]
    public static partial Regex SecretName();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*\z", RegexOptions.CultureInvariant)]
    public static partial Regex PlainFieldName();

    [GeneratedRegex(@"^[0-9]+\z", RegexOptions.CultureInvariant)]
    public static partial Regex Digits();

    [GeneratedRegex(@"^UC[A-Za-z0-9_-]{22}\z", RegexOptions.CultureInvariant)]
    public static partial Regex YouTubeChannelId();

    [GeneratedRegex(@"^urn:li:organization:[0-9]+\z", RegexOptions.CultureInvariant)]
    public static partial Regex LinkedInOrganizationUrn();

    /// <summary>True when a value looks like a real access token rather than the name of a secret.</summary>
    public static bool LooksLikeToken(string value) =>
        value.Length > 64
        || value.StartsWith("EAA", StringComparison.Ordinal)
        || value.StartsWith("IGQ", StringComparison.Ordinal)
        || value.StartsWith("ya29.", StringComparison.Ordinal);

    /// <summary>The platform id's form for a known platform, with its description; null for an unknown platform.</summary>
    public static (Regex Pattern, string Form)? PlatformIdForm(string platform) => platform switch
    {
        PlatformNames.Facebook => (Digits(), "a Facebook Page id (digits only)"),
        PlatformNames.Instagram => (Digits(), "an Instagram user id (digits only)"),
        PlatformNames.X => (Digits(), "an X user id (digits only)"),
        PlatformNames.YouTube => (YouTubeChannelId(), "a YouTube channel id ('UC' and 22 letters, digits, '_' or '-')"),
        PlatformNames.LinkedIn => (LinkedInOrganizationUrn(), "a LinkedIn organization URN ('urn:li:organization:' and digits)"),
        _ => null,
    };
}
