using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace SocialMonitor.Core.Api;

/// <summary>
/// <c>GET /api/openapi.json</c>: the hand-written OpenAPI 3.1 description (core/Api/openapi.json, embedded), with this
/// app's <c>Api__PublicUrl</c> as its server. Served to anyone: it describes the API and holds no data.
/// </summary>
public sealed class OpenApiDocument(IOptions<ApiOptions> options)
{
    public const string ResourceName = "openapi.json";

    private readonly Lazy<string> _document = new(() =>
    {
        var document = Load();
        document["servers"] = new JsonArray(new JsonObject { ["url"] = options.Value.PublicUrl.TrimEnd('/') });
        return document.ToJsonString();
    });

    /// <summary>The description as written in the repository.</summary>
    public static JsonObject Load()
    {
        using var stream = typeof(OpenApiDocument).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        return JsonNode.Parse(stream)!.AsObject();
    }

    public Task GetAsync(HttpContext context, CancellationToken cancellationToken)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(_document.Value, cancellationToken);
    }
}
