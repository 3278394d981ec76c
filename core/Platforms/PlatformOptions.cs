namespace SocialMonitor.Core.Platforms;

public sealed class PlatformOptions
{
    public bool Enabled { get; set; } = true;
    public string BaseUrl { get; set; } = "";
    public string ApiVersion { get; set; } = "";

    /// <summary>
    /// <c>Platforms__&lt;Platform&gt;__MonthlyReadBudget</c>: the resources a platform that charges for reads may return per
    /// calendar month (UTC), kept by the budget hook (<see cref="PlatformBudget"/>); unset means no budget. X reads it.
    /// </summary>
    public long? MonthlyReadBudget { get; set; }

    /// <summary>
    /// <c>Platforms__&lt;Platform&gt;__ClientId</c>: the OAuth app's client id; set, the client exchanges refresh tokens at
    /// <see cref="OAuthBaseUrl"/> with the client secret named by <see cref="ClientSecretName"/> (YouTube, LinkedIn).
    /// </summary>
    public string ClientId { get; set; } = "";

    /// <summary><c>Platforms__&lt;Platform&gt;__ClientSecretName</c>: the name of the client secret (a Key Vault secret, or a <c>Tokens__</c> setting locally), never the secret.</summary>
    public string ClientSecretName { get; set; } = "";

    /// <summary><c>Platforms__&lt;Platform&gt;__OAuthBaseUrl</c>: the OAuth token endpoint, which is not the API host.</summary>
    public string OAuthBaseUrl { get; set; } = "";
}
