namespace SocialMonitor.Core.Accounts;

/// <summary>An official account. <see cref="Token"/> names a secret (a setting or a Key Vault secret) and never holds one.</summary>
public sealed record Account
{
    public required string Id { get; init; }
    public required string Platform { get; init; }
    public required string PlatformId { get; init; }
    public string? Handle { get; init; }
    public required string Location { get; init; }
    public required string Token { get; init; }
    public string? ApprovedBy { get; init; }
    public DateOnly? ApprovedOn { get; init; }
}
