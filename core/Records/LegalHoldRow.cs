using System.Globalization;
using Azure;
using Azure.Data.Tables;

namespace SocialMonitor.Core.Records;

/// <summary>One hold's row in <c>LegalHolds</c> (PartitionKey <see cref="Partition"/>, RowKey the id); days as <c>yyyy-MM-dd</c>.</summary>
public sealed class LegalHoldRow : ITableEntity
{
    public const string Partition = "hold";

    public string PartitionKey { get; set; } = Partition;
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }
    public string? Location { get; set; }
    public string? Account { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public string Reason { get; set; } = "";
    public string PlacedBy { get; set; } = "";
    public DateTimeOffset PlacedAt { get; set; }
    public string? LiftedBy { get; set; }
    public DateTimeOffset? LiftedAt { get; set; }
    public string? LiftReason { get; set; }

    public static LegalHoldRow Of(LegalHold hold) => new()
    {
        RowKey = hold.Id,
        Location = hold.Location,
        Account = hold.Account,
        From = Day(hold.From),
        To = Day(hold.To),
        Reason = hold.Reason,
        PlacedBy = hold.PlacedBy,
        PlacedAt = hold.PlacedAt,
        LiftedBy = hold.LiftedBy,
        LiftedAt = hold.LiftedAt,
        LiftReason = hold.LiftReason,
    };

    public LegalHold ToHold() => new()
    {
        Id = RowKey,
        Location = Location,
        Account = Account,
        From = Day(From),
        To = Day(To),
        Reason = Reason,
        PlacedBy = PlacedBy,
        PlacedAt = PlacedAt,
        LiftedBy = LiftedBy,
        LiftedAt = LiftedAt,
        LiftReason = LiftReason,
    };

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? Day(string? text) => text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
