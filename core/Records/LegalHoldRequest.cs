namespace SocialMonitor.Core.Records;

/// <summary>The body of <c>POST /api/records/holds</c> and the options of <c>records hold add</c>: the scope and the reason.</summary>
public sealed record LegalHoldRequest
{
    public string? Location { get; init; }
    public string? Account { get; init; }
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? Reason { get; init; }
}
