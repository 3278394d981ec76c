using System.Text.Json.Nodes;

namespace SocialMonitor.IntegrationTests.Infra;

/// <summary>The small comparisons the template checks share; each answers with the problem in words, or nothing.</summary>
internal static class Expect
{
    public static IEnumerable<string> Value(JsonObject? resource, string label, string path, string expected)
    {
        if (resource is null)
        {
            yield return $"{label}: the resource is missing.";
            yield break;
        }
        var actual = ArmTemplate.At(resource, path);
        if (!string.Equals(actual, expected, StringComparison.Ordinal))
        {
            yield return $"{label}: {path} must be {expected}; it is {actual ?? "not set"}.";
        }
    }

    public static IEnumerable<string> Single(IReadOnlyList<JsonObject> resources, string type) =>
        resources.Count == 1 ? [] : [$"The template must declare one {type}; it declares {resources.Count}."];
}
