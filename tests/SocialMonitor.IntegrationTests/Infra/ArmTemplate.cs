using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SocialMonitor.IntegrationTests.Infra;

/// <summary>A compiled ARM template (the output of <c>bicep build</c>), read the way the checks need it.</summary>
internal sealed partial class ArmTemplate(JsonObject root)
{
    // The last segment of a child resource's name: "[format('{0}/{1}/{2}', ..., variables('tableNames')[copyIndex()])]" or "..., 'x')]".
    [GeneratedRegex(@"(?:variables\('(?<variable>[^']+)'\)(?:\[copyIndex\(\)\])?|'(?<literal>[^']*)')\)\]$")]
    private static partial Regex LastNameSegment();

    public static ArmTemplate Parse(string json) =>
        new(JsonNode.Parse(json) as JsonObject ?? throw new InvalidOperationException("The compiled template is not a JSON object."));

    public string Json => root.ToJsonString();

    public JsonObject Parameters => root["parameters"]?.AsObject() ?? [];

    public JsonObject Outputs => root["outputs"]?.AsObject() ?? [];

    /// <summary>Every resource, whether the template lists them (classic) or names them (languageVersion 2.0).</summary>
    public IReadOnlyList<JsonObject> Resources => root["resources"] switch
    {
        JsonArray list => [.. list.OfType<JsonObject>()],
        JsonObject named => [.. named.Select(p => p.Value).OfType<JsonObject>()],
        _ => [],
    };

    public IReadOnlyList<JsonObject> OfType(string type) =>
        [.. Resources.Where(r => string.Equals(Text(r["type"]), type, StringComparison.OrdinalIgnoreCase))];

    /// <summary>The first resource of <paramref name="type"/>, if any.</summary>
    public JsonObject? First(string type) => OfType(type) is [var first, ..] ? first : null;

    /// <summary>The child resource of <paramref name="type"/> whose name ends in <paramref name="name"/> (e.g. <c>appsettings</c>).</summary>
    public JsonObject? Child(string type, string name) =>
        OfType(type).FirstOrDefault(r => ChildNames(r).Contains(name, StringComparer.OrdinalIgnoreCase));

    /// <summary>The names a (child) resource declaration creates: its last name segment, or every value of a loop over a variable.</summary>
    public IReadOnlyList<string> ChildNames(JsonObject resource)
    {
        var match = LastNameSegment().Match(Text(resource["name"]) ?? "");
        if (!match.Success)
        {
            return [];
        }
        if (match.Groups["literal"].Success)
        {
            return [match.Groups["literal"].Value];
        }
        return root["variables"]?[match.Groups["variable"].Value] switch
        {
            JsonArray values => [.. values.Select(Text).OfType<string>()],
            JsonValue value => [Text(value)!],
            _ => [],
        };
    }

    /// <summary>The value at a dotted path (<c>properties.siteConfig.minTlsVersion</c>) as text: strings as they are, other JSON as JSON.</summary>
    public static string? At(JsonNode? node, string path)
    {
        foreach (var key in path.Split('.'))
        {
            node = node is JsonObject o ? o[key] : null;
        }
        return Text(node);
    }

    public static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToJsonString();
}
