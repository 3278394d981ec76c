using System.Text.Json;
using SocialMonitor.Core.Items;

namespace SocialMonitor.Cli.Check;

/// <summary>Reads one line of <c>check --input</c>: the item JSON <c>scan --dry-run</c> prints, of which only <c>id</c> and <c>text</c> are required.</summary>
internal static class CheckInput
{
    /// <summary>The item, or null and why the line is not one.</summary>
    public static (Item? Item, string? Problem) Parse(string line)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(line);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return (null, $"not valid JSON: {e.Message.Split(" Path:")[0]}");
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, "must be a JSON object (one item per line)");
        }
        if (!root.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || id.GetString()!.Trim().Length == 0)
        {
            return (null, "\"id\" is missing or is not a non-empty string");
        }
        if (!root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
        {
            return (null, "\"text\" is missing or is not a string");
        }
        Item? item;
        try
        {
            item = root.Deserialize<Item>(ItemJson.Options);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return (null, $"{(e as JsonException)?.Path ?? "$"}: {e.Message.Split(" Path:")[0]}");
        }
        if (item!.Origin is not (ItemOrigins.Official or ItemOrigins.Guest))
        {
            return (null, $"\"origin\" must be official or guest; it is '{item.Origin}'");
        }
        return (item with { Links = item.Links ?? [], Media = item.Media ?? [], Platform = item.Platform ?? "unknown" }, null);
    }
}
