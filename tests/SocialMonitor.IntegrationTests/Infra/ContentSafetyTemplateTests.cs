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

    /// <summary>The resources a deployment would create with the required parameters and <paramref name="parameters"/>.</summary>
    private static async Task<IReadOnlyList<JsonNode>> PredictedAsync(string parameters)
    {
        var directory = Directory.CreateTempSubdirectory("socialmonitor-snapshot-");
        try
        {
            foreach (var file in Directory.GetFiles(MainTemplateFixture.InfraDirectory).Where(f => f.EndsWith(".bicep", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)))
            {
                File.Copy(file, Path.Combine(directory.FullName, Path.GetFileName(file)));
            }
            var parametersFile = Path.Combine(directory.FullName, "test.bicepparam");
            await File.WriteAllTextAsync(parametersFile, $"""
                using './main.bicep'
                param environmentName = 'test'
                param authClientId = '00000000-0000-0000-0000-000000000001'
                param mailSender = 'monitor@example.org'
                {parameters}
                """, TestContext.Current.CancellationToken);

            var run = await BicepCli.SnapshotAsync(parametersFile);

            Assert.True(run.ExitCode == 0, "bicep snapshot failed: " + string.Join(Environment.NewLine, run.Problems));
            var snapshot = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(directory.FullName, "test.snapshot.json"), TestContext.Current.CancellationToken))!;
            return [.. snapshot["predictedResources"]!.AsArray().Select(r => r!)];
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string Type(JsonNode resource) => resource["type"]!.GetValue<string>();

    private static JsonObject AppSettings(IReadOnlyList<JsonNode> resources) =>
        Assert.Single(resources, r => Type(r) == "Microsoft.Web/sites/config" && r["name"]!.GetValue<string>().EndsWith("/appsettings", StringComparison.Ordinal))["properties"]!.AsObject();
}
