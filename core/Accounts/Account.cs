namespace SocialMonitor.Core.Accounts;

/// <summary>
/// An official account. <see cref="Token"/> names a secret (a setting or a Key Vault secret) and never holds one;
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
}
