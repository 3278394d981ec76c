using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SocialMonitor.Cli;
using SocialMonitor.Core.Api;
using SocialMonitor.IntegrationTests.Functions;
using SocialMonitor.IntegrationTests.Support;

namespace SocialMonitor.IntegrationTests.Api;

/// <summary>The hand-written OpenAPI description against what the app really serves: the functions' routes and <c>serve</c>'s.</summary>
public sealed class OpenApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static readonly string[] s_methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Description_PathsAndMethods_MatchTheFunctionsRoutes()
    {
        var declared = FunctionsMetadataTests.Functions()
            .SelectMany(f => f.GetProperty("bindings").EnumerateArray())
            .Where(b => b.GetProperty("type").GetString() == "httpTrigger")
            .Where(b => b.GetProperty("route").GetString()!.StartsWith("api/", StringComparison.Ordinal)) // the page's catch-all is not the API
            .SelectMany(b => b.GetProperty("methods").EnumerateArray().Select(m => $"{m.GetString()!.ToUpperInvariant()} /{b.GetProperty("route").GetString()}"));

        Assert.Equal(declared.Order(StringComparer.Ordinal), Described());
    }

    [Fact]
    public void Description_PathsAndMethods_MatchServesRoutes()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" }).Build();
        var app = ApiServer.Build(configuration, "http://127.0.0.1:0", verbose: false);
        var mapped = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {e.RoutePattern.RawText}"));

        Assert.Equal(mapped.Order(StringComparer.Ordinal), Described());
    }

    [Fact]
    public void Description_EveryReference_Resolves()
    {
        var document = OpenApiDocument.Load();
        var references = new List<string>();
        Collect(document, references);

        Assert.Equal("3.1.0", document["openapi"]!.GetValue<string>());
        Assert.NotEmpty(references);
        Assert.All(references, r => Assert.NotNull(Resolve(document, r)));
    }

    [Fact]
    public void Description_ProblemTypes_AreTheOnesTheApiWrites()
    {
        var types = OpenApiDocument.Load()["components"]!["schemas"]!["Problem"]!["properties"]!["type"]!["enum"]!.AsArray().Select(t => t!.GetValue<string>());

        Assert.Equal(ProblemTypes.All.Select(t => Problems.TypeBase + t).Order(StringComparer.Ordinal), types.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GetOpenApi_Anonymous_ServesTheDescriptionWithThisAppsUrl()
    {
        await using var api = await ApiHost.StartAsync(azurite, ApiHost.Functions, Ct, new Dictionary<string, string?> { ["Api:PublicUrl"] = "https://monitor.communitylibrary.net/" });
        using var client = api.Client();

        var response = await client.GetAsync("/api/openapi.json", Ct);
        var document = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("https://monitor.communitylibrary.net", document.GetProperty("servers")[0].GetProperty("url").GetString());
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/findings/{id}/disposition", out _));
    }

    private static IOrderedEnumerable<string> Described() =>
        OpenApiDocument.Load()["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Where(o => s_methods.Contains(o.Key)).Select(o => $"{o.Key.ToUpperInvariant()} {p.Key}"))
            .Order(StringComparer.Ordinal);

    private static void Collect(JsonNode? node, List<string> references)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key == "$ref")
                    {
                        references.Add(value!.GetValue<string>());
                    }
                    Collect(value, references);
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, references);
                }
                break;
        }
    }

    private static JsonNode? Resolve(JsonNode document, string reference) =>
        reference.TrimStart('#', '/').Split('/').Aggregate((JsonNode?)document, (node, part) => node?[part.Replace("~1", "/", StringComparison.Ordinal)]);
}
