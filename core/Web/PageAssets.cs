using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;

namespace SocialMonitor.Core.Web;

/// <summary>
/// The page's files (<c>core/Web/wwwroot/</c>), embedded in the core assembly so that the Functions app and
/// <c>serve</c> serve the very same bytes; each with its content type and a strong ETag of its content.
/// </summary>
public static class PageAssets
{
    private const string Prefix = "wwwroot/";

    private static readonly FrozenDictionary<string, PageAsset> s_assets = Load();

    /// <summary>The file of that name (<c>app.js</c>, <c>app.css</c>), or null.</summary>
    public static PageAsset? Find(string name) => s_assets.GetValueOrDefault(name);

    public static IEnumerable<string> Names => s_assets.Keys;

    private static FrozenDictionary<string, PageAsset> Load()
    {
        var assembly = typeof(PageAssets).Assembly;
        var assets = new Dictionary<string, PageAsset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            var name = resource[Prefix.Length..];
            assets[name] = new PageAsset(name, ContentType(name), bytes, $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..32]}\"");
        }
        return assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        _ => "application/octet-stream",
    };
}
