namespace SocialMonitor.Core.Policies;

/// <summary>
/// A location as the policy publishes it: address, phone, email and opening hours by day (<c>"mon": "10:00-19:00"</c>,
/// <c>"closed"</c>). One record, two uses: the PII rule takes them as published (never personal data), the branding rule
/// holds each profile's contacts to them.
/// </summary>
public sealed record PolicyLocation
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string? Address { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public IReadOnlyDictionary<string, string> Hours { get; init; } = new Dictionary<string, string>();
}
