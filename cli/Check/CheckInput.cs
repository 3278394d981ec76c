using System.Text.Json;
using SocialMonitor.Core.Items;

namespace SocialMonitor.Cli.Check;

/// <summary>Reads one line of <c>check --input</c>: the item JSON (docs/architecture.md, "The item, as JSON"), of which only <c>id</c> and <c>text</c> are required.</summary>
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
        Item item;
        try
        {
            item = root.Deserialize<Item>(ItemJson.Options)!;
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return (null, $"{(e as JsonException)?.Path ?? "$"}: {e.Message.Split(" Path:")[0]}");
        }
        if (NullInside(item) is { } nullProblem)
        {
            return (null, nullProblem);
        }
        if (item.Origin is not (ItemOrigins.Official or ItemOrigins.Guest))
        {
            return (null, $"\"origin\" must be official or guest; it is '{item.Origin}'");
        }
        return (item with { Links = item.Links ?? [], Media = item.Media ?? [], Platform = item.Platform ?? "unknown" }, null);
    }

    /// <summary>
    /// A null where the item needs a value (the deserializer lets <c>[null]</c> through into the lists, and a missing
    /// <c>type</c> into a medium), which the rules would otherwise meet as a crash.
    /// </summary>
    private static string? NullInside(Item item)
    {
        for (var i = 0; i < (item.Links?.Count ?? 0); i++)
        {
            if (item.Links![i] is null)
            {
                return $"$.links[{i}]: must be a string, not null";
            }
        }
        for (var i = 0; i < (item.Media?.Count ?? 0); i++)
        {
            if (item.Media![i] is not { } media)
            {
                return $"$.media[{i}]: must be an object, not null";
            }
            if (string.IsNullOrEmpty(media.Type))
            {
                return $"$.media[{i}].type: is missing (photo, video…)";
            }
        }
        foreach (var (name, value) in item.Facts ?? new Dictionary<string, string>())
        {
            if (value is null)
            {
                return $"$.facts.{name}: must be a string, not null";
            }
        }
        return null;
    }
}
