using System.Text.Json.Serialization;

namespace SocialMonitor.Core.Accounts;

/// <summary>
/// An account: the library's own, or with <see cref="Use"/> <c>personal</c> a staff member's, read with their consent
/// (<see cref="AccountUses"/>). <see cref="Token"/> names a secret (a setting or a Key Vault secret) and never holds one;
/// <see cref="RefreshToken"/>, optional, names the secret holding an OAuth refresh token where a platform uses one beside
/// the token (YouTube: the channel owner's, for the comments YouTube holds).
/// </summary>
public sealed record Account
{
    public required string Id { get; init; }
    public required string Platform { get; init; }
    public required string PlatformId { get; init; }
    public string? Handle { get; init; }
    public required string Location { get; init; }
    public required string Token { get; init; }
    public string? RefreshToken { get; init; }
    public string? ApprovedBy { get; init; }
    public DateOnly? ApprovedOn { get; init; }

    /// <summary>
    /// <c>official</c> or <c>personal</c>, as the file says; null when it does not (official). Left out of the stored
    /// JSON when null, so an official account's registry row is what it was before accounts had a use.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Use { get; init; }

    /// <summary>A staff member's personal account (<see cref="AccountUses.Personal"/>).</summary>
    [JsonIgnore]
    public bool Personal => Use == AccountUses.Personal;
}
