using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace SocialMonitor.Cli;

/// <summary>
/// The CLI's settings: environment variables, then the <c>Values</c> of <c>local.settings.json</c> in the working
/// directory if present, then the built-in defaults of the options classes.
/// </summary>
internal static class CliConfiguration
{
    public const string LocalSettingsFile = "local.settings.json";

    public static IConfiguration Build(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        return new ConfigurationBuilder()
            .AddInMemoryCollection(ReadLocalSettings(Path.Combine(Directory.GetCurrentDirectory(), LocalSettingsFile)))
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();
    }

    /// <summary>The <c>Values</c> object, with <c>Section__Key</c> names turned into configuration paths.</summary>
    internal static Dictionary<string, string?> ReadLocalSettings(string path)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(path))
        {
            return values;
        }
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.TryGetProperty("Values", out var settings) && settings.ValueKind == JsonValueKind.Object)
            {
                foreach (var setting in settings.EnumerateObject())
                {
                    values[setting.Name.Replace("__", ":", StringComparison.Ordinal)] =
                        setting.Value.ValueKind == JsonValueKind.String ? setting.Value.GetString() : setting.Value.GetRawText();
                }
            }
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{path} is not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }
        return values;
    }
}
