namespace SocialMonitor.Core.Accounts;

/// <summary>A person who receives email: identified by email; <see cref="ObjectId"/> is their Entra ID object id when known.</summary>
public sealed record Person
{
    public required string Name { get; init; }
    public required string Email { get; init; }
    public string? ObjectId { get; init; }
    public NotifyPreferences Notify { get; init; } = NotifyPreferences.Default;
    public int DigestHour { get; init; } = 8;
}
