using System.Text.Json.Nodes;

namespace SocialMonitor.IntegrationTests.Infra;

/// <summary>
/// The <c>contentSafety</c> parameter of infra/main.bicep, evaluated offline with <c>bicep snapshot</c> both ways: on, the
/// Content Safety account (custom subdomain, keys off), the identity's Cognitive Services User role on it and the endpoint
/// setting; off (the default), none of them and an empty endpoint, which sends no request.
/// </summary>
public sealed class ContentSafetyTemplateTests
{
    private const string CognitiveServicesUser = "a97b65f3-24c7-4388-baec-2e87135dc908";

    [Fact]
    public async Task Snapshot_ContentSafetyOn_AddsTheAccountItsRoleAndTheEndpoint()
    {
        var resources = await PredictedAsync("param contentSafety = true\nparam contentSafetyMinSeverity = 2");

        var account = Assert.Single(resources, r => Type(r) == "Microsoft.CognitiveServices/accounts");
        var name = account["name"]!.GetValue<string>();
        Assert.Equal("ContentSafety", account["kind"]!.GetValue<string>());
        Assert.Equal(name, account["properties"]!["customSubDomainName"]!.GetValue<string>());
        Assert.True(account["properties"]!["disableLocalAuth"]!.GetValue<bool>());
        var role = Assert.Single(resources, r => Type(r) == "Microsoft.Authorization/roleAssignments"
            && r["properties"]!["roleDefinitionId"]!.GetValue<string>().EndsWith(CognitiveServicesUser, StringComparison.Ordinal));
        Assert.Contains("userAssignedIdentities", role["properties"]!["principalId"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("ServicePrincipal", role["properties"]!["principalType"]!.GetValue<string>());
        Assert.EndsWith($"/providers/Microsoft.CognitiveServices/accounts/{name}/providers/Microsoft.Authorization/roleAssignments/{role["name"]}",
            role["id"]!.GetValue<string>(), StringComparison.Ordinal);
        var settings = AppSettings(resources);
        Assert.Equal($"https://{name}.cognitiveservices.azure.com/", settings["ContentSafety__Endpoint"]!.GetValue<string>());
        Assert.Equal("2", settings["ContentSafety__MinSeverity"]!.GetValue<string>());
    }

    [Fact]
    public async Task Snapshot_ContentSafetyOffByDefault_HasNoAccountNoRoleAndAnEmptyEndpoint()
    {
        var resources = await PredictedAsync("");

        Assert.DoesNotContain(resources, r => Type(r) == "Microsoft.CognitiveServices/accounts");
        Assert.DoesNotContain(resources, r => Type(r) == "Microsoft.Authorization/roleAssignments"
            && r["properties"]!["roleDefinitionId"]!.GetValue<string>().EndsWith(CognitiveServicesUser, StringComparison.Ordinal));
        var settings = AppSettings(resources);
        Assert.Equal("", settings["ContentSafety__Endpoint"]!.GetValue<string>());
        Assert.Equal("4", settings["ContentSafety__MinSeverity"]!.GetValue<string>());
        Assert.Contains(resources, r => Type(r) == "Microsoft.Web/sites"); // The snapshot did evaluate the template.
    }

    private static Task<IReadOnlyList<JsonNode>> PredictedAsync(string parameters) => TemplateSnapshot.PredictedAsync(parameters);

    private static string Type(JsonNode resource) => TemplateSnapshot.Type(resource);

    private static JsonObject AppSettings(IReadOnlyList<JsonNode> resources) => TemplateSnapshot.AppSettings(resources);
}
