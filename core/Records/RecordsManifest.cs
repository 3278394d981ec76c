using System.Text.Json;
using SocialMonitor.Core.Items;

namespace SocialMonitor.Core.Records;

/// <summary>
/// <c>manifest.json</c>, built here and nowhere else: what was asked (the query), when and by whom, the library's time
/// zone, what the export holds, what it lacks and why, and every other file with its SHA-256 and size (streamed from the
/// spool the ZIP kept, so a large export's list is never held in memory), and the active legal holds that cover the
/// scope (<see cref="LegalHoldService.CoveringAsync"/>), so that whoever receives the export knows what of it is frozen.
/// </summary>
public sealed record RecordsManifest(
    RecordsQuery Query, DateTimeOffset ExportedAt, string ExportedBy, TimeZoneInfo Zone, RecordsCounts Counts, IReadOnlyList<LegalHold> Holds)
{
    public const string Format = "socialmonitor-records/1";

    public async Task WriteAsync(Stream output, Stream files, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WritePropertyName("query");
        JsonSerializer.Serialize(json, new
        {
            Query.Locations,
            Query.Accounts,
            Query.Platforms,
            From = RecordTime.Of(Query.From, Zone),
            To = RecordTime.Of(Query.To, Zone),
            Query.Text,
            Described = Query.Describe(),
            Dates = "an item is in scope when it was created within [from, to) or has a version captured within it",
        }, ItemJson.Options);
        json.WritePropertyName("exportedAt");
        JsonSerializer.Serialize(json, RecordTime.Of(ExportedAt, Zone), ItemJson.Options);
        json.WriteString("exportedBy", ExportedBy);
        json.WriteString("timeZone", Zone.Id);
        json.WritePropertyName("counts");
        JsonSerializer.Serialize(json, Counts, ItemJson.Options);
        json.WritePropertyName("legalHolds");
        JsonSerializer.Serialize(json, Holds.Select(h => new
        {
            h.Id, h.Location, h.Account, h.From, h.To, h.Reason, h.PlacedBy, PlacedAt = RecordTime.Of(h.PlacedAt, Zone),
        }), ItemJson.Options);
        json.WriteStartArray("notes");
        if (Counts.VersionsWithoutRaw > 0)
        {
            json.WriteStringValue($"{Counts.VersionsWithoutRaw} item versions were captured before the monitor recorded which archived answer a version came from; "
                + "they are exported without their raw answer (rawSha256 null in their item file).");
        }
        if (Holds.Count > 0)
        {
            json.WriteStringValue($"{Holds.Count} active legal holds cover part of this scope (legalHolds; their from and to are the district's local days, "
                + "both inclusive): what they cover is kept whatever the retention until the coordinator lifts them.");
        }
        if (Counts.RawMissing > 0)
        {
            json.WriteStringValue($"{Counts.RawMissing} archived answers named by item versions are no longer in the archive (listed as rawMissing in their item file).");
        }
        json.WriteEndArray();
        json.WriteString("verify", "socialmonitor records verify FILE.zip: recomputes every file's SHA-256; the ZIP comment holds this file's SHA-256.");
        json.WriteStartArray("files");
        using var reader = new StreamReader(files);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            using var file = JsonDocument.Parse(line);
            file.RootElement.WriteTo(json);
            if (json.BytesPending > 32 * 1024)
            {
                await json.FlushAsync(cancellationToken);
            }
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }
}
