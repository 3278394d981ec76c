using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace SocialMonitor.Cli;

/// <summary>
/// The CLI's settings: environment variables, then the <c>Values</c> of <c>local.settings.json</c> in the working
/// directory if present, then the built-in defaults of the options classes. A file path a person gives (<c>Policy__Path</c>,
/// <c>Links__PublicSuffixList</c>) is relative to the working directory, as on any command line; the defaults stay
/// relative to the app's folder, where the build copies <c>policy/</c> (the Functions host resolves every relative path there).
/// </summary>
internal static class CliConfiguration
{
    public const string LocalSettingsFile = "local.settings.json";

    private static readonly string[] s_paths = ["Policy:Path", "Links:PublicSuffixList"];

    public static IConfiguration Build(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var local = ReadLocalSettings(Path.Combine(Directory.GetCurrentDirectory(), LocalSettingsFile));
        IConfigurationBuilder Sources() => new ConfigurationBuilder()
            .AddInMemoryCollection(local)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>());
        var given = Sources().Build();
        var resolved = s_paths.Where(key => given[key] is { Length: > 0 } path && !path.Contains("://", StringComparison.Ordinal) && !Path.IsPathRooted(path))
            .ToDictionary(key => key, key => (string?)Path.GetFullPath(given[key]!));
        // The same sources again rather than a chained configuration, which would drop a setting given empty.
        return Sources().AddInMemoryCollection(resolved).Build();
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
