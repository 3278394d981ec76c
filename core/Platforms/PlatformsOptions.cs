using SocialMonitor.Core.Hosting;

namespace SocialMonitor.Core.Platforms;

/// <summary>
/// <c>Platforms__&lt;Platform&gt;__Enabled|BaseUrl|ApiVersion|MonthlyReadBudget|ClientId|ClientSecretName|OAuthBaseUrl</c>. A base
/// URL may carry a path; with a client id set, the client secret's name and the token endpoint are required.
/// </summary>
public sealed class PlatformsOptions : ISettings
{
    public const string Section = "Platforms";

    public PlatformOptions Facebook { get; set; } = new() { BaseUrl = "https://graph.facebook.com", ApiVersion = "v25.0" };
    public PlatformOptions Instagram { get; set; } = new() { BaseUrl = "https://graph.facebook.com", ApiVersion = "v25.0" };
    public PlatformOptions X { get; set; } = new() { BaseUrl = "https://api.x.com", ApiVersion = "2" };
    public PlatformOptions YouTube { get; set; } = new() { BaseUrl = "https://www.googleapis.com/youtube", ApiVersion = "v3", OAuthBaseUrl = "https://oauth2.googleapis.com/token" };
    public PlatformOptions LinkedIn { get; set; } = new() { BaseUrl = "https://api.linkedin.com", ApiVersion = "202510", OAuthBaseUrl = "https://www.linkedin.com/oauth/v2/accessToken" };

    public IReadOnlyDictionary<string, PlatformOptions> All => new Dictionary<string, PlatformOptions>(StringComparer.OrdinalIgnoreCase)
    {
        [nameof(Facebook)] = Facebook,
        [nameof(Instagram)] = Instagram,
        [nameof(X)] = X,
        [nameof(YouTube)] = YouTube,
        [nameof(LinkedIn)] = LinkedIn,
    };

    public IEnumerable<string> Validate() =>
        All.SelectMany(p => SettingRules.AbsoluteUri($"Platforms__{p.Key}__BaseUrl", p.Value.BaseUrl, "http", "https")
            .Concat(SettingRules.Required($"Platforms__{p.Key}__ApiVersion", p.Value.ApiVersion))
            .Concat(p.Value.MonthlyReadBudget is { } budget and <= 0
                ? [$"Platforms__{p.Key}__MonthlyReadBudget must be a positive number of resources per month (or unset for no budget); got {budget}."]
                : [])
            .Concat(string.IsNullOrWhiteSpace(p.Value.ClientId)
                ? []
                : SettingRules.AbsoluteUri($"Platforms__{p.Key}__OAuthBaseUrl", p.Value.OAuthBaseUrl, "http", "https")
                    .Concat(SettingRules.Required($"Platforms__{p.Key}__ClientSecretName", p.Value.ClientSecretName))));
}
