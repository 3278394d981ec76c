using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;

namespace SocialMonitor.Core.Policies;

/// <summary>
/// <c>policy/policy.schema.json</c> (embedded, so a policy read from a blob is checked against the schema this build
/// was written for): every problem a policy document has, each as a JSON path and a reason.
/// </summary>
public static partial class PolicySchema
{
    private const string ResourceName = "policy.schema.json";

    private static readonly Lazy<string> _text = new(() =>
    {
        using var stream = typeof(PolicySchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    private static readonly Lazy<JsonSchema> _schema = new(() => JsonSchema.FromText(_text.Value));

    /// <summary>The schema as a document, to name the fields a place allows (for "did you mean").</summary>
    private static readonly Lazy<JsonElement> _schemaDocument = new(() => JsonDocument.Parse(_text.Value).RootElement.Clone());

    private static readonly EvaluationOptions _options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    /// <summary>Each problem as (JSON path, reason), in document order; empty when the document follows the schema.</summary>
    public static IReadOnlyList<(string Field, string Reason)> Problems(JsonElement document)
    {
        var result = _schema.Value.Evaluate(document, _options);
        if (result.IsValid)
        {
            return [];
        }
        // A branch of a oneOf/anyOf that failed while the combinator passed (a phone that is a string, not null) is no
        // problem: only failures whose every enclosing evaluation failed too are reported.
        var details = (result.Details ?? []).ToList();
        var passed = details.Where(d => d.IsValid).Select(d => (Schema: d.EvaluationPath.ToString(), Instance: d.InstanceLocation.ToString())).ToList();
        bool InsidePassed(EvaluationResults detail)
        {
            var (schema, instance) = (detail.EvaluationPath.ToString(), detail.InstanceLocation.ToString());
            return passed.Any(p => schema.StartsWith(p.Schema + "/", StringComparison.Ordinal)
                && (instance == p.Instance || instance.StartsWith(p.Instance + "/", StringComparison.Ordinal)));
        }
        var failed = details.Where(d => !d.IsValid && !InsidePassed(d)).ToList();
        var problems = new List<(string Field, string Reason)>();
        foreach (var detail in failed)
        {
            if (detail.Errors is null)
            {
                continue;
            }
            var segments = Segments(detail.InstanceLocation.ToString());
            foreach (var (keyword, message) in detail.Errors)
            {
                // Combinators repeat what their branches said; "false" is an unknown field; "required" names the missing ones.
                if (keyword is "oneOf" or "anyOf" or "allOf" or "$ref")
                {
                    continue;
                }
                if (keyword == "required")
                {
                    foreach (Match name in QuotedName().Matches(message))
                    {
                        problems.Add((JsonPath([.. segments, name.Groups[1].Value]), "is required"));
                    }
                    continue;
                }
                var reason = keyword switch
                {
                    "" => UnknownField(segments),
                    "propertyNames" => "is not a valid name here",
                    _ => $"{LowerFirst(message)} (found {Shown(document, segments)})",
                };
                problems.Add((JsonPath(segments), reason));
            }
        }
        // A keyword such as "not" fails without a message: name the deepest failing place that nothing above named.
        var failing = failed.Select(d => d.InstanceLocation.ToString()).Distinct().ToList();
        foreach (var location in failing.Where(l => !failing.Any(other => other.StartsWith(l + "/", StringComparison.Ordinal))))
        {
            var segments = Segments(location);
            if (!problems.Any(p => p.Field.StartsWith(JsonPath(segments), StringComparison.Ordinal)))
            {
                problems.Add((JsonPath(segments), $"is not allowed here (found {Shown(document, segments)}; see policy.schema.json)"));
            }
        }
        return [.. problems.Distinct()];
    }

    /// <summary><c>$.locations[2].hours.mon</c>; names that are not plain identifiers in brackets (<c>$.severities['pii.phone']</c>).</summary>
    public static string JsonPath(IEnumerable<string> segments)
    {
        var path = new System.Text.StringBuilder("$");
        foreach (var segment in segments)
        {
            if (segment.Length > 0 && segment.All(char.IsAsciiDigit))
            {
                path.Append('[').Append(segment).Append(']');
            }
            else if (PlainName().IsMatch(segment))
            {
                path.Append('.').Append(segment);
            }
            else
            {
                path.Append("['").Append(segment.Replace("'", "\\'", StringComparison.Ordinal)).Append("']");
            }
        }
        return path.ToString();
    }

    /// <summary>"is not a field of the policy", with the field it probably meant among those its place allows.</summary>
    private static string UnknownField(string[] segments)
    {
        var closest = segments.Length == 0 ? null : Accounts.NearMiss.Closest(segments[^1], KnownFields(segments[..^1]));
        return "is not a field of the policy" + (closest is null ? " (see policy.schema.json)" : $"; did you mean '{closest}'?");
    }

    /// <summary>The field names the schema allows in the object at <paramref name="segments"/> (none when it names none).</summary>
    private static IReadOnlyList<string> KnownFields(string[] segments)
    {
        var root = _schemaDocument.Value;
        JsonElement Resolve(JsonElement node) =>
            node.TryGetProperty("$ref", out var reference) && reference.GetString() is { } target && target.StartsWith("#/$defs/", StringComparison.Ordinal)
                ? root.GetProperty("$defs").GetProperty(target["#/$defs/".Length..])
                : node;
        var node = Resolve(root);
        foreach (var segment in segments)
        {
            if (node.TryGetProperty("properties", out var properties) && properties.TryGetProperty(segment, out var child))
            {
                node = Resolve(child);
            }
            else if (node.TryGetProperty("items", out var items))
            {
                node = Resolve(items);
            }
            else
            {
                return [];
            }
        }
        return node.TryGetProperty("properties", out var known) ? [.. known.EnumerateObject().Select(p => p.Name)] : [];
    }

    private static string[] Segments(string pointer) =>
        pointer.Length == 0 ? [] : [.. pointer[1..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];

    /// <summary>The offending value as JSON (shortened), so the reason says what was found.</summary>
    private static string Shown(JsonElement document, string[] segments)
    {
        var element = document;
        foreach (var segment in segments)
        {
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(segment, out var child))
            {
                element = child;
            }
            else if (element.ValueKind == JsonValueKind.Array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < element.GetArrayLength())
            {
                element = element[index];
            }
            else
            {
                return "the value";
            }
        }
        var text = element.GetRawText();
        return text.Length > 60 ? text[..57] + "..." : text;
    }

    private static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex QuotedName();

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex PlainName();
}
